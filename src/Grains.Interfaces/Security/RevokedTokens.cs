namespace AriaPro.Grains.Interfaces.Security;

/// <summary>The revocation list as silos receive it: its version and each revoked jti with the time its token expires.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.RevokedTokens")]
public sealed record RevokedTokens(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyDictionary<string, DateTimeOffset> Entries);
