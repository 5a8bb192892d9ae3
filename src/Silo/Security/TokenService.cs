using System.Security.Claims;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AriaPro.Silo.Security;

/// <summary>
/// Issues and describes AriaPro's access tokens: JWTs signed with HMAC-SHA256 under the cluster's
/// current signing key, its <c>kid</c> in the header, with <c>jti</c>, <c>exp</c>, issuer,
/// audience, the key id as <c>sub</c> and the key's roles.
/// </summary>
public sealed class TokenService(IJwtKeys keys, TimeProvider time)
{
    /// <summary>Issuer and audience of every token.</summary>
    public const string Issuer = "ariapro";

    /// <inheritdoc cref="Issuer"/>
    public const string Audience = "ariapro";

    /// <summary>Name of the browser cookie that carries the token.</summary>
    public const string Cookie = "aria_token";

    /// <summary>How long a token is valid; a revocation is kept this long at most.</summary>
    public static TimeSpan Lifetime => TokenLifetimes.Lifetime;

    /// <summary>Clock difference tolerated between silos when a token's times are checked.</summary>
    public static TimeSpan ClockSkew => TokenLifetimes.ClockSkew;

    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>A new token for <paramref name="principal"/>, with its id and expiry.</summary>
    public (string Token, string Jti, DateTimeOffset ExpiresAt) Issue(ApiPrincipal principal)
    {
        var key = keys.Current;
        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        var jti = Guid.NewGuid().ToString("N");
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
                [
                    new Claim(JwtRegisteredClaimNames.Sub, principal.Id),
                    new Claim(JwtRegisteredClaimNames.Jti, jti),
                    new Claim(JwtRegisteredClaimNames.Name, principal.Name),
                    .. principal.Roles.Select(r => new Claim(RoleClaim, r)),
                ]),
            SigningCredentials = new SigningCredentials(SecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
        return (token, jti, expires);
    }

    /// <summary>The claim type that carries roles.</summary>
    public const string RoleClaim = "role";

    /// <summary>The validation rules: HS256 only, signed, our issuer and audience, unexpired, a key the cluster still accepts.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = ClockSkew,
        NameClaimType = JwtRegisteredClaimNames.Name,
        RoleClaimType = RoleClaim,
        IssuerSigningKeyResolver = (_, _, kid, _) => kid is not null && keys.Find(kid) is { } key ? [SecurityKey(key)] : [],
    };

    private static SymmetricSecurityKey SecurityKey(JwtSigningKey key) => new(key.Secret) { KeyId = key.Kid };
}
