namespace AriaPro.Grains.Interfaces.Security;

/// <summary>The key ring as admins see it: ids and dates, never a secret.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.JwtKeyRingView")]
public sealed record JwtKeyRingView(
    [property: Id(0)] string CurrentKid,
    [property: Id(1)] IReadOnlyList<JwtKeyInfo> Keys,
    [property: Id(2)] DateTimeOffset? NextRotation);
