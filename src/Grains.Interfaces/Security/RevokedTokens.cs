namespace AriaPro.Grains.Interfaces.Security;

/// <summary>
/// The revocation list as silos receive it: its version, each revoked jti with the time its token
/// expires, and each revoked subject (an API key id) with the time from which its earlier tokens are refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.RevokedTokens")]
public sealed record RevokedTokens(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyDictionary<string, DateTimeOffset> Entries,
    [property: Id(2)] IReadOnlyDictionary<string, DateTimeOffset> Subjects);
