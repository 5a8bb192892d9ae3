namespace AriaPro.Models.Tests;

/// <summary>A temporary models folder for one test, deleted with it.</summary>
public sealed class TempModels : IDisposable
{
    /// <summary>The folder.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("aria-models-").FullName;

    /// <summary>Copies the shipped model in as <paramref name="name"/>.onnx and .json, the sidecar text changed by <paramref name="edit"/>.</summary>
    public void CopyShipped(string name, Func<string, string>? edit = null)
    {
        File.Copy(Path.ChangeExtension(RepoFiles.DirectionSidecar, ".onnx"), PathOf(name + ".onnx"), overwrite: true);
        File.WriteAllText(PathOf(name + ".json"), (edit ?? (s => s))(File.ReadAllText(RepoFiles.DirectionSidecar)));
    }

    /// <summary>Full path of a file in the folder.</summary>
    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
