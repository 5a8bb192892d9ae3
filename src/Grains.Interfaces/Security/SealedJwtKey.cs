namespace AriaPro.Grains.Interfaces.Security;

/// <summary>
/// One signing secret sealed with AES-256-GCM under the master key: a fresh 12-byte nonce, the
/// ciphertext and the 16-byte tag, with the kid as associated data (a sealed secret moved to
/// another kid does not open).
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.SealedJwtKey")]
public sealed record SealedJwtKey(
    [property: Id(0)] string Kid,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset? RetiredAt,
    [property: Id(3)] byte[] Nonce,
    [property: Id(4)] byte[] Ciphertext,
    [property: Id(5)] byte[] Tag);
