using AriaPro.Grains.Signals.Models;

namespace AriaPro.Grains.Tests.Signals;

/// <summary>A temporary models folder the reload tests change; <see cref="Reset"/> puts it back to the shipped model alone.</summary>
public sealed class ModelsFolder : IDisposable
{
    public const string ModelId = "eurusd-direction";

    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "models");

    public ModelsFolder() => Reset();

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("aria-reload-").FullName;

    /// <summary>SHA-256 of the shipped graph, as a manifest records it.</summary>
    public static string ShippedSha256 { get; } = OnnxSignalModel.Hash(File.ReadAllBytes(Path.Combine(Shipped, ModelId + ".onnx")));

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public void Reset()
    {
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            File.Delete(file);
        }

        foreach (var file in System.IO.Directory.GetFiles(Shipped).Where(f => f.EndsWith(".onnx", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        {
            File.Copy(file, PathOf(Path.GetFileName(file)));
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
