namespace AriaPro.Grains.Interfaces.Security;

[GenerateSerializer, Immutable, Alias("AriaPro.JwtKeyRingView")]
public sealed record JwtKeyRingView(
    [property: Id(0)] string CurrentKid,
    [property: Id(1)] IReadOnlyList<JwtKeyInfo> Keys,
    [property: Id(2)] DateTimeOffset? NextRotation);

[GenerateSerializer, Immutable, Alias("AriaPro.JwtKeyInfo")]
public sealed record JwtKeyInfo(
    [property: Id(0)] string Kid,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset? RetiredAt,
    [property: Id(3)] DateTimeOffset? AcceptedUntil);
