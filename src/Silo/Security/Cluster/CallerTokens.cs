using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AriaPro.Silo.Security.Cluster;

/// <summary>
/// Validates the token a gateway caller sends exactly as the HTTP facade validates a bearer token:
/// the same handler, the same parameters, the same revocation rule. A caller sends the same token
/// with every call, so what a valid token proves is remembered (like the facade's
/// <see cref="CachingTokenHandler"/>) and served again while the token is unexpired and its signing
/// key still accepted; revocation is checked on every call.
/// </summary>
internal sealed class CallerTokens(CachingTokenHandler handler, TokenService tokens, IJwtKeys keys)
{
    /// <summary>Tokens remembered at most; beyond it the memory starts again empty.</summary>
    public const int Capacity = 10_000;

    private readonly TokenValidationParameters _parameters = tokens.ValidationParameters();
    private readonly ConcurrentDictionary<string, Proven> _proven = new(StringComparer.Ordinal);

    /// <summary>The caller, or why the token proves no one.</summary>
    public async ValueTask<(Caller? Caller, string? Refusal)> ValidateAsync(string token)
    {
        try
        {
            if (!_proven.TryGetValue(token, out var proven) || !StillValid(proven))
            {
                (proven, var refusal) = await ProveAsync(token);
                if (proven is null)
                {
                    return (null, refusal);
                }
            }

            return TokenRevocationCheck.IsRefused(keys, proven.Jti, proven.Caller.Id, proven.IssuedAt)
                ? (null, "the token has been revoked, or the API key it was issued for has been deleted")
                : (proven.Caller, null);
        }
        catch (InvalidOperationException)
        {
            return (null, "this silo has not loaded the cluster's signing keys yet; retry shortly");
        }
    }

    private bool StillValid(Proven proven) =>
        TimeProvider.System.GetUtcNow().UtcDateTime < proven.ExpiresUtc + _parameters.ClockSkew && keys.Find(proven.Kid) is not null;

    private async Task<(Proven? Proven, string? Refusal)> ProveAsync(string token)
    {
        var result = await handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.ClaimsIdentity is not { } identity || result.SecurityToken is not JsonWebToken jwt)
        {
            return (null, result.Exception switch
            {
                SecurityTokenExpiredException => "the token has expired; get a new one for the API key",
                SecurityTokenSignatureKeyNotFoundException => "the token is signed with a key the cluster does not accept (unknown or retired kid)",
                _ => "the token is invalid",
            });
        }

        if (identity.FindFirst(JwtRegisteredClaimNames.Jti)?.Value is not { } jti)
        {
            return (null, "the token has no id (jti)");
        }

        var caller = new Caller(identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? "unknown", [.. identity.FindAll(TokenService.RoleClaim).Select(c => c.Value)]);
        var proven = new Proven(caller, jwt.Kid, jti, IssuedAt(identity), jwt.ValidTo);
        if (_proven.Count >= Capacity)
        {
            _proven.Clear();
        }

        _proven[token] = proven;
        return (proven, null);
    }

    private static DateTimeOffset? IssuedAt(ClaimsIdentity identity) =>
        long.TryParse(identity.FindFirst(JwtRegisteredClaimNames.Iat)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private sealed record Proven(Caller Caller, string Kid, string Jti, DateTimeOffset? IssuedAt, DateTime ExpiresUtc);

    /// <summary>Who made a call: the API key id and its roles.</summary>
    public sealed record Caller(string Id, IReadOnlyList<string> Roles)
    {
        /// <summary>True when a role held includes <paramref name="role"/> (roles nest).</summary>
        public bool Has(string role) => role == AriaRoles.Anonymous || Roles.Any(r => AriaRoles.Includes(r, role));
    }
}
