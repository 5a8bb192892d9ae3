using System.Security.Claims;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AriaPro.Silo.Security.Cluster;

/// <summary>
/// Validates the token a gateway caller sends exactly as the HTTP facade validates a bearer token:
/// the same handler (and its memory of validated tokens), the same parameters, the same revocation rule.
/// </summary>
internal sealed class CallerTokens(CachingTokenHandler handler, TokenService tokens, IJwtKeys keys)
{
    private readonly TokenValidationParameters _parameters = tokens.ValidationParameters();

    /// <summary>The caller, or why the token proves no one.</summary>
    public async Task<(Caller? Caller, string? Refusal)> ValidateAsync(string token)
    {
        TokenValidationResult result;
        try
        {
            result = await handler.ValidateTokenAsync(token, _parameters);
        }
        catch (InvalidOperationException)
        {
            return (null, "this silo has not loaded the cluster's signing keys yet; retry shortly");
        }

        if (!result.IsValid || result.ClaimsIdentity is not { } identity)
        {
            return (null, result.Exception switch
            {
                SecurityTokenExpiredException => "the token has expired; get a new one for the API key",
                SecurityTokenSignatureKeyNotFoundException => "the token is signed with a key the cluster does not accept (unknown or retired kid)",
                _ => "the token is invalid",
            });
        }

        if (TokenRevocationCheck.IsRefused(keys, identity))
        {
            return (null, "the token has been revoked, or the API key it was issued for has been deleted");
        }

        return (new Caller(identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? "unknown", [.. identity.FindAll(TokenService.RoleClaim).Select(c => c.Value)]), null);
    }

    /// <summary>Who made a call: the API key id and its roles.</summary>
    public sealed record Caller(string Id, IReadOnlyList<string> Roles)
    {
        /// <summary>True when a role held includes <paramref name="role"/> (roles nest).</summary>
        public bool Has(string role) => role == AriaRoles.Anonymous || Roles.Any(r => AriaRoles.AtLeast(role).Contains(r, StringComparer.Ordinal));
    }
}
