using System.Security.Cryptography;
using AriaPro.Grains.Security;

namespace AriaPro.Grains.Tests.Security;

[Trait("Category", "Unit")]
public sealed class SecretCipherTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly byte[] _masterKey = RandomNumberGenerator.GetBytes(SecretCipher.MasterKeySize);
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(KeyRingRules.SecretSize);

    [Fact]
    public void Open_SealedSecret_ReturnsTheSecret()
    {
        var cipher = new SecretCipher(_masterKey);

        var sealedKey = cipher.Seal("kid-1", _secret, Created);

        Assert.Equal(_secret, cipher.Open(sealedKey));
        Assert.Equal(SecretCipher.NonceSize, sealedKey.Nonce.Length);
        Assert.Equal(SecretCipher.TagSize, sealedKey.Tag.Length);
        Assert.NotEqual(_secret, sealedKey.Ciphertext);
    }

    [Fact]
    public void Seal_SameSecretTwice_UsesFreshNonces()
    {
        var cipher = new SecretCipher(_masterKey);

        var first = cipher.Seal("kid-1", _secret, Created);
        var second = cipher.Seal("kid-1", _secret, Created);

        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotEqual(first.Ciphertext, second.Ciphertext);
    }

    [Fact]
    public void Open_WrongMasterKey_IsRefused()
    {
        var sealedKey = new SecretCipher(_masterKey).Seal("kid-1", _secret, Created);
        var other = new SecretCipher(RandomNumberGenerator.GetBytes(SecretCipher.MasterKeySize));

        Assert.ThrowsAny<CryptographicException>(() => other.Open(sealedKey));
    }

    [Theory]
    [InlineData("nonce")]
    [InlineData("ciphertext")]
    [InlineData("tag")]
    public void Open_FlippedByte_IsRefused(string part)
    {
        var cipher = new SecretCipher(_masterKey);
        var sealedKey = cipher.Seal("kid-1", _secret, Created);
        var tampered = part switch
        {
            "nonce" => sealedKey with { Nonce = Flip(sealedKey.Nonce) },
            "ciphertext" => sealedKey with { Ciphertext = Flip(sealedKey.Ciphertext) },
            _ => sealedKey with { Tag = Flip(sealedKey.Tag) },
        };

        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(tampered));
    }

    [Fact]
    public void Open_UnderAnotherKid_IsRefused()
    {
        var cipher = new SecretCipher(_masterKey);
        var sealedKey = cipher.Seal("kid-1", _secret, Created);

        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedKey with { Kid = "kid-2" }));
    }

    [Fact]
    public void Constructor_MasterKeyNot32Bytes_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new SecretCipher(new byte[16]));
    }

    private static byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }
}
