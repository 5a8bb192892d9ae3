namespace AriaPro.Grains.Interfaces.Security;

/// <summary>The key set as silos receive it: version (1, 2, ... per change), the current kid and every kept key, sealed.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.SealedJwtKeyRing")]
public sealed record SealedJwtKeyRing(
    [property: Id(0)] long Version,
    [property: Id(1)] string CurrentKid,
    [property: Id(2)] IReadOnlyList<SealedJwtKey> Keys);
