using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace AriaPro.Silo.Http;

/// <summary>
/// The web console's files (src/Silo/Console), embedded in the silo assembly as
/// <c>AriaPro.Console.{name}</c> so that a published or containerised silo needs no content root.
/// Each is read once, with its content type and a strong ETag of its bytes.
/// </summary>
public sealed class ConsoleAssets
{
    /// <summary>The prefix of the console's manifest resource names.</summary>
    public const string ResourcePrefix = "AriaPro.Console.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, ConsoleAsset> _files;

    private ConsoleAssets(FrozenDictionary<string, ConsoleAsset> files) => _files = files;

    /// <summary>The names of the files, e.g. <c>index.html</c>.</summary>
    public IEnumerable<string> Names => _files.Keys;

    /// <summary>Reads every console resource of <paramref name="assembly"/>; fails when one has a type the console does not serve.</summary>
    public static ConsoleAssets Load(Assembly assembly)
    {
        var files = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
            {
                throw new InvalidOperationException($"the console resource '{resource}' has no known content type; the console serves {string.Join(", ", ContentTypes.Keys)}");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
            files[name] = new ConsoleAsset(content, contentType, tag);
        }

        return new ConsoleAssets(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The file called <paramref name="name"/> (exact, case-sensitive), or null.</summary>
    public ConsoleAsset? Find(string name) => _files.GetValueOrDefault(name);
}

/// <summary>One console file: its bytes, content type and ETag.</summary>
public sealed record ConsoleAsset(byte[] Content, string ContentType, EntityTagHeaderValue ETag);
