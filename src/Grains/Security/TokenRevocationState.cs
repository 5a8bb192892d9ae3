namespace AriaPro.Grains.Security;

/// <summary>Persisted state of the revocation list: each revoked jti and when its token expires, and each revoked subject.</summary>
[GenerateSerializer, Alias("AriaPro.TokenRevocationState")]
public sealed class TokenRevocationState
{
    /// <summary>1, 2, ... for each change written.</summary>
    [Id(0)] public long Version { get; set; }

    /// <summary>Revoked jti → the expiry of its token; pruned on every write.</summary>
    [Id(1)] public Dictionary<string, DateTimeOffset> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Revoked subjects (API key ids) → when: every token of the subject issued until then is refused; pruned on every write.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Subjects { get; set; } = new(StringComparer.Ordinal);
}
