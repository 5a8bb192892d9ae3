using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Fixtures;

/// <summary>
/// Grain state as the silo's storage serializer writes and reads it, and the fixtures in this folder:
/// base64 blobs an older build's embedded silo stored, one per line after a <c>#</c> comment.
/// </summary>
public sealed class StoredState : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly OrleansGrainStorageSerializer _serializer;

    public StoredState() => _serializer = new(_services.GetRequiredService<Serializer>());

    /// <summary>The fixture's lines that hold state, split into their space-separated fields.</summary>
    public static IEnumerable<string[]> Lines(string fixture) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture))
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(' '));

    /// <summary>State from a fixture's base64 field.</summary>
    public T Read<T>(string base64) => _serializer.Deserialize<T>(new BinaryData(Convert.FromBase64String(base64)))!;

    /// <summary>What the store would hold for <paramref name="state"/>, read back.</summary>
    public T RoundTrip<T>(T state) => _serializer.Deserialize<T>(_serializer.Serialize(state))!;

    public void Dispose() => _services.Dispose();
}
