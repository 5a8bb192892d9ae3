namespace AriaPro.Grains.Interfaces.Http;

/// <summary>The body of <c>POST /security/revoke</c>: the <c>jti</c> of the token to revoke on every silo.</summary>
public sealed record RevokeTokenRequest(string Jti);
