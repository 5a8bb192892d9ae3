using System.Collections.Concurrent;
using System.Security.Claims;
using AriaPro.Grains.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AriaPro.Silo.Security;

/// <summary>
/// Validates bearer tokens as <see cref="JsonWebTokenHandler"/> does and remembers the ones that
/// passed, so a client that sends the same token with every request pays for parsing it and
/// checking its signature once, not on every request.
/// </summary>
/// <remarks>
/// A remembered token is accepted again only while both still hold:
/// <list type="bullet">
/// <item>it has not expired, with the same clock skew that full validation allows;</item>
/// <item>the key that signed it is one the cluster still accepts (<see cref="IJwtKeys.Find"/>), so
/// a key retired out of its overlap takes its tokens with it at once.</item>
/// </list>
/// Otherwise the token is forgotten and validated in full. Revocation is not remembered: it is
/// checked on every request after validation (<c>OnTokenValidated</c>). Only valid tokens are kept,
/// at most <see cref="Capacity"/>; beyond that a new token is validated in full every time until
/// expired ones are swept out.
/// </remarks>
public sealed class CachingTokenHandler(IJwtKeys keys, TimeProvider time, int capacity = CachingTokenHandler.DefaultCapacity) : JsonWebTokenHandler
{
    /// <summary>Tokens remembered at most, unless a host sets another capacity.</summary>
    public const int DefaultCapacity = 10_000;

    /// <summary>Expired entries are swept at most this often when the handler is full.</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Validated> _validated = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>Tokens remembered at most.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be positive.");

    /// <summary>Tokens remembered now.</summary>
    public int Count => _validated.Count;

    /// <inheritdoc/>
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_validated.TryGetValue(token, out var known))
        {
            if (StillValid(known, validationParameters.ClockSkew))
            {
                return known.Result();
            }

            _validated.TryRemove(new KeyValuePair<string, Validated>(token, known));
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && keys.Find(jwt.Kid) is { } key)
        {
            Remember(token, new Validated(result.ClaimsIdentity.Clone(), jwt, key, jwt.ValidTo, validationParameters.ClockSkew));
        }

        return result;
    }

    private bool StillValid(Validated known, TimeSpan clockSkew) =>
        time.GetUtcNow().UtcDateTime < known.ExpiresUtc + clockSkew
        && keys.Find(known.Key.Kid) is { } key
        && (ReferenceEquals(key, known.Key) || key.Secret.AsSpan().SequenceEqual(known.Key.Secret));

    private void Remember(string token, Validated validated)
    {
        if (_validated.Count >= Capacity)
        {
            SweepExpired();
            if (_validated.Count >= Capacity)
            {
                return;
            }
        }

        _validated[token] = validated;
    }

    private void SweepExpired()
    {
        var now = time.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepPeriod).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (token, validated) in _validated)
        {
            if (now.UtcDateTime >= validated.ExpiresUtc + validated.ClockSkew)
            {
                _validated.TryRemove(new KeyValuePair<string, Validated>(token, validated));
            }
        }
    }

    // Each request gets its own copy of the identity: the principal built on it is the request's,
    // and whatever the request adds to it must not reach the next one.
    private sealed record Validated(ClaimsIdentity Identity, JsonWebToken Token, JwtSigningKey Key, DateTime ExpiresUtc, TimeSpan ClockSkew)
    {
        public TokenValidationResult Result() => new() { IsValid = true, ClaimsIdentity = Identity.Clone(), SecurityToken = Token };
    }
}
