using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AriaPro.Grains.Security;

/// <summary>
/// The credential every call made inside a silo carries (<c>RequestContext</c>
/// <see cref="Interfaces.Security.CallCredentials.System"/>): <c>{unix seconds}.{HMAC}</c> under a
/// key derived from the master key, which only the silos hold. It proves "a silo of this cluster
/// made this call", so the call guard lets it through without a token; a client can neither make
/// one nor, since silos strip it from calls to clients, see one to replay. It is valid for
/// <see cref="Lifetime"/> from its minting (with <see cref="ClockSkew"/> for clocks a little ahead),
/// and a silo mints a new one every <see cref="RenewAfter"/>.
/// </summary>
public sealed class SystemCallCredential
{
    /// <summary>How long one credential is accepted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>How long a silo sends the same credential before it mints the next.</summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromSeconds(30);

    /// <summary>How far ahead of this silo's clock another silo's may run.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private const string Purpose = "ariapro/system-call-credential/v1";
    private const int MaxRemembered = 1_024;

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _verified = new(StringComparer.Ordinal);
    private volatile Minted? _current;

    public SystemCallCredential(SecretCipher cipher, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        _key = cipher.Derive(Purpose);
        _time = time;
    }

    /// <summary>The credential to send now.</summary>
    public string Current()
    {
        var now = _time.GetUtcNow();
        if (_current is { } current && now - current.At < RenewAfter)
        {
            return current.Value;
        }

        var seconds = now.ToUnixTimeSeconds();
        var minted = new Minted(DateTimeOffset.FromUnixTimeSeconds(seconds), $"{seconds.ToString(CultureInfo.InvariantCulture)}.{Mac(seconds)}");
        _current = minted;
        return minted.Value;
    }

    /// <summary>True when <paramref name="credential"/> was made by a silo of this cluster and is still valid.</summary>
    public bool Verify(string? credential)
    {
        if (credential is null)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        if (_verified.TryGetValue(credential, out var validUntil))
        {
            return now.UtcTicks < validUntil;
        }

        var dot = credential.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(credential.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > now.ToUnixTimeSeconds() + (long)ClockSkew.TotalSeconds)
        {
            return false;
        }

        var mintedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (now >= mintedAt + Lifetime
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(credential[(dot + 1)..]), Encoding.ASCII.GetBytes(Mac(seconds))))
        {
            return false;
        }

        if (_verified.Count >= MaxRemembered)
        {
            _verified.Clear();
        }

        _verified[credential] = (mintedAt + Lifetime).UtcTicks;
        return true;
    }

    private string Mac(long seconds) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(seconds.ToString(CultureInfo.InvariantCulture))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Minted(DateTimeOffset At, string Value);
}
