namespace AriaPro.Grains.Security;

/// <summary>Persisted state of the API key registry: salted hashes only, never a key.</summary>
[GenerateSerializer, Alias("AriaPro.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)] public Dictionary<string, ApiKeyEntry> Keys { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One key: who it is for, its roles, and HMAC-SHA256 of the key under a random salt.</summary>
[GenerateSerializer, Alias("AriaPro.ApiKeyEntry")]
public sealed class ApiKeyEntry
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public List<string> Roles { get; set; } = [];
    [Id(2)] public byte[] Salt { get; set; } = [];
    [Id(3)] public byte[] Hash { get; set; } = [];
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset? RevokedAt { get; set; }
}
