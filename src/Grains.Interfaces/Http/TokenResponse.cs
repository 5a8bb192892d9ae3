namespace AriaPro.Grains.Interfaces.Http;

/// <summary>The answer of <c>POST /auth/token</c>: a bearer token issued for an API key, and when it expires.</summary>
public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);
