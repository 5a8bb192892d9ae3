namespace AriaPro.Grains.Interfaces.Http;

/// <summary>The answer of <c>POST /auth/token</c> (and of the SDK's token exchange): a bearer token issued for an API key, and when it expires.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.TokenResponse")]
public sealed record TokenResponse(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTimeOffset ExpiresAt);
