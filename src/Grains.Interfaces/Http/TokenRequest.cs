namespace AriaPro.Grains.Interfaces.Http;

/// <summary>The body of <c>POST /auth/token</c>: the API key to exchange, and whether to set the token as the browser's HttpOnly login cookie as well.</summary>
public sealed record TokenRequest(string ApiKey, bool? Cookie = null);
