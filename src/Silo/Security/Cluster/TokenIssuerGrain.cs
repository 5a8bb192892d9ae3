using AriaPro.Grains.Interfaces.Http;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Silo.Security.Audit;
using Orleans.Concurrency;

namespace AriaPro.Silo.Security.Cluster;

/// <summary>The gateway's <c>POST /auth/token</c>: the same key check, the same token, the same audit records.</summary>
[GrainType("token-issuer"), StatelessWorker]
internal sealed class TokenIssuerGrain(TokenService tokens, IAuditLog audit, SecurityMetrics metrics) : Grain, ITokenIssuerGrain
{
    public async Task<TokenResponse> Issue(string apiKey)
    {
        if (await GrainFactory.GetGrain<IApiKeyRegistryGrain>(0).Verify(apiKey ?? "") is not { } principal)
        {
            metrics.AuthFailed("api_key");
            audit.Record(Event(AuditEvent.Anonymous, AuditEventTypes.AuthenticationFailed, "unknown or revoked API key"));
            throw new NotAuthorizedException("the API key is not valid, or has been revoked", unauthenticated: true, requiredRole: null);
        }

        var (token, jti, expiresAt) = tokens.Issue(principal);
        audit.Record(Event(principal.Id, AuditEventTypes.TokenIssued, "issued through the gateway",
            ("jti", jti), ("expiresAt", expiresAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
        return new TokenResponse(token, expiresAt);
    }

    private static AuditEvent Event(string principal, string type, string outcome, params (string Name, string Value)[] details) =>
        new(TimeProvider.System.GetUtcNow(), type, principal, null, "GRAIN", "ITokenIssuerGrain.Issue", outcome, AuditEvent.ToDictionary(details));
}
