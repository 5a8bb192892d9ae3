using System.Globalization;
using System.Security.Claims;
using AriaPro.Grains.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AriaPro.Silo.Security;

/// <summary>The one revocation rule for a validated token, at both doors (HTTP and the gateway): never cached.</summary>
public static class TokenRevocationCheck
{
    /// <summary>True when the token behind <paramref name="identity"/> has no <c>jti</c>, is revoked, or belongs to a deleted API key.</summary>
    public static bool IsRefused(IJwtKeys keys, ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(identity);
        return identity.FindFirst(JwtRegisteredClaimNames.Jti)?.Value is not { } jti
            || IsRefused(keys, jti, identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, IssuedAt(identity));
    }

    /// <summary>True when the token <paramref name="jti"/> is revoked, or its <paramref name="subject"/> was revoked at or after <paramref name="issuedAt"/>.</summary>
    public static bool IsRefused(IJwtKeys keys, string jti, string? subject, DateTimeOffset? issuedAt) =>
        keys.IsRevoked(jti, subject, issuedAt);

    private static DateTimeOffset? IssuedAt(ClaimsIdentity identity) =>
        long.TryParse(identity.FindFirst(JwtRegisteredClaimNames.Iat)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
