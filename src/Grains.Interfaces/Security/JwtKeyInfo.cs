namespace AriaPro.Grains.Interfaces.Security;

/// <summary>One signing key without its secret: null <c>RetiredAt</c> is the current key; <c>AcceptedUntil</c> ends a retired key's overlap.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.JwtKeyInfo")]
public sealed record JwtKeyInfo(
    [property: Id(0)] string Kid,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset? RetiredAt,
    [property: Id(3)] DateTimeOffset? AcceptedUntil);
