using System.Buffers.Text;
using System.Security.Cryptography;
using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Grains.Security;

/// <summary>
/// The key ring's rules, free of grains: what a rotation does to the kept keys, when a key is due,
/// how long a retired key validates, and the admin view.
/// </summary>
public static class KeyRingRules
{
    /// <summary>HMAC-SHA256 secret length in bytes.</summary>
    public const int SecretSize = 32;

    /// <summary>Random bytes behind a kid (base64url, 22 characters).</summary>
    public const int KidSize = 16;

    /// <summary>
    /// Adds a fresh key as the current one, retires the previous current key at <paramref name="now"/>,
    /// drops retired keys whose overlap is over, then the oldest beyond <see cref="JwtKeyRingOptions.MaxSecrets"/>.
    /// The secret exists in clear only inside this call.
    /// </summary>
    public static void Rotate(JwtKeyRingState state, SecretCipher cipher, DateTimeOffset now, JwtKeyRingOptions options)
    {
        var secret = RandomNumberGenerator.GetBytes(SecretSize);
        SealedJwtKey added;
        try
        {
            added = cipher.Seal(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KidSize)), secret, now);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }

        var kept = state.Keys
            .Select(k => k.RetiredAt is null ? k with { RetiredAt = now } : k)
            .Where(k => IsAccepted(k, now, options.Overlap))
            .Take(options.MaxSecrets - 1);
        state.Keys = [added, .. kept];
        state.CurrentKid = added.Kid;
        state.Version++;
    }

    /// <summary>Whether the current key has lived its <see cref="JwtKeyRingOptions.Rotation"/> (or there is none).</summary>
    public static bool IsDue(JwtKeyRingState state, DateTimeOffset now, TimeSpan rotation) =>
        Current(state) is not { } current || now - current.CreatedAt >= rotation;

    /// <summary>When a retired key stops validating; null for the current key.</summary>
    public static DateTimeOffset? AcceptedUntil(DateTimeOffset? retiredAt, TimeSpan overlap) => retiredAt + overlap;

    /// <summary>Whether a key still validates at <paramref name="now"/>: the current key, or a retired one inside its overlap.</summary>
    public static bool IsAccepted(DateTimeOffset? retiredAt, DateTimeOffset now, TimeSpan overlap) =>
        AcceptedUntil(retiredAt, overlap) is not { } until || now < until;

    /// <summary>The ring without secrets.</summary>
    public static JwtKeyRingView View(SealedJwtKeyRing ring, TimeSpan rotation, TimeSpan overlap)
    {
        var current = ring.Keys.FirstOrDefault(k => k.Kid == ring.CurrentKid);
        return new(
            ring.CurrentKid,
            [.. ring.Keys.Select(k => new JwtKeyInfo(k.Kid, k.CreatedAt, k.RetiredAt, AcceptedUntil(k.RetiredAt, overlap)))],
            current?.CreatedAt + rotation);
    }

    private static bool IsAccepted(SealedJwtKey key, DateTimeOffset now, TimeSpan overlap) => IsAccepted(key.RetiredAt, now, overlap);

    private static SealedJwtKey? Current(JwtKeyRingState state) => state.Keys.FirstOrDefault(k => k.Kid == state.CurrentKid);
}
