using System.Security.Cryptography;
using System.Text;

namespace AriaPro.Grains.Security;

/// <summary>
/// The API key format and its hash. A key is <c>aria_{id}_{secret}</c>: the id (12 hex digits)
/// finds the entry, the secret (32 random bytes, base64url) proves possession. Keys are random
/// and long, so a salted HMAC-SHA256 is enough (a slow password hash protects guessable secrets,
/// which these are not). The configured admin key (<c>ARIA_ADMIN_API_KEY</c>) may be any string
/// of at least <see cref="MinimumConfiguredLength"/> characters and lives under the id
/// <see cref="AdminId"/>.
/// </summary>
public static class ApiKeys
{
    /// <summary>Id of the key given in <c>ARIA_ADMIN_API_KEY</c>.</summary>
    public const string AdminId = "admin";

    /// <summary>Shortest configured admin key accepted.</summary>
    public const int MinimumConfiguredLength = 32;

    private const string Prefix = "aria_";

    /// <summary>A new key and its id.</summary>
    public static (string Id, string Key) New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The id a presented key claims: the one in its prefix, else the configured admin key's.</summary>
    public static string IdOf(string key)
    {
        if (key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var end = key.IndexOf('_', Prefix.Length);
            if (end > Prefix.Length)
            {
                return key[Prefix.Length..end];
            }
        }

        return AdminId;
    }

    /// <summary>A fresh salt and the key's hash under it.</summary>
    public static (byte[] Salt, byte[] Hash) Protect(string key)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (salt, Hash(salt, key));
    }

    /// <summary>True when <paramref name="key"/> hashes to <paramref name="hash"/> under <paramref name="salt"/>; constant time.</summary>
    public static bool Matches(string key, byte[] salt, byte[] hash) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, key), hash);

    private static byte[] Hash(byte[] salt, string key) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(key));
}
