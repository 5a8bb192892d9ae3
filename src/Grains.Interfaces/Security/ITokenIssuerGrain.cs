using AriaPro.Grains.Interfaces.Http;
using Orleans.Concurrency;

namespace AriaPro.Grains.Interfaces.Security;

/// <summary>
/// Exchanges an API key for a bearer token through the gateway, as <c>POST /auth/token</c> does over
/// HTTP (key 0, a stateless worker on every silo): the SDK's way to get the token it sends with every call.
/// </summary>
[Alias("AriaPro.ITokenIssuerGrain")]
public interface ITokenIssuerGrain : IGrainWithIntegerKey
{
    /// <summary>A token for <paramref name="apiKey"/>, the same as HTTP issues.</summary>
    /// <exception cref="NotAuthorizedException">The key is unknown or revoked.</exception>
    [Alias("Issue"), CallerRole(AriaRoles.Anonymous, Endpoint = "POST /auth/token")]
    Task<TokenResponse> Issue(string apiKey);
}
