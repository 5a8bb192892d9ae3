using System.Security.Cryptography;
using System.Text;
using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Grains.Security;

/// <summary>
/// Seals and opens signing secrets with AES-256-GCM under the master key (<c>ARIA_MASTER_KEY</c>).
/// Every seal draws a fresh 12-byte nonce; the kid is the associated data, so a sealed secret only
/// opens under its own kid. A wrong master key or any changed byte fails the tag check.
/// </summary>
public sealed class SecretCipher
{
    /// <summary>Master key length: AES-256.</summary>
    public const int MasterKeySize = 32;

    /// <summary>GCM nonce length.</summary>
    public const int NonceSize = 12;

    /// <summary>GCM tag length.</summary>
    public const int TagSize = 16;

    private readonly byte[] _masterKey;

    public SecretCipher(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length != MasterKeySize)
        {
            throw new ArgumentException($"the master key must be {MasterKeySize} bytes, not {masterKey.Length}", nameof(masterKey));
        }

        _masterKey = (byte[])masterKey.Clone();
    }

    /// <summary>A key of its own for <paramref name="purpose"/>, derived from the master key (HKDF-SHA256), so the master key itself serves one purpose only.</summary>
    public byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _masterKey, MasterKeySize, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>Seals <paramref name="secret"/> for <paramref name="kid"/>.</summary>
    public SealedJwtKey Seal(string kid, ReadOnlySpan<byte> secret, DateTimeOffset createdAt, DateTimeOffset? retiredAt = null)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[secret.Length];
        var tag = new byte[TagSize];
        using var aes = new AesGcm(_masterKey, TagSize);
        aes.Encrypt(nonce, secret, ciphertext, tag, Encoding.UTF8.GetBytes(kid));
        return new SealedJwtKey(kid, createdAt, retiredAt, nonce, ciphertext, tag);
    }

    /// <summary>Opens a sealed secret.</summary>
    /// <exception cref="CryptographicException">Wrong master key, wrong kid, or altered nonce, ciphertext or tag.</exception>
    public byte[] Open(SealedJwtKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Nonce.Length != NonceSize || key.Tag.Length != TagSize)
        {
            throw new CryptographicException($"sealed key '{key.Kid}' has a {key.Nonce.Length}-byte nonce and a {key.Tag.Length}-byte tag; expected {NonceSize} and {TagSize}");
        }

        var secret = new byte[key.Ciphertext.Length];
        using var aes = new AesGcm(_masterKey, TagSize);
        aes.Decrypt(key.Nonce, key.Ciphertext, key.Tag, secret, Encoding.UTF8.GetBytes(key.Kid));
        return secret;
    }
}
