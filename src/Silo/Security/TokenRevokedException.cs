using Microsoft.IdentityModel.Tokens;

namespace AriaPro.Silo.Security;

/// <summary>The token was valid but its <c>jti</c> has been revoked.</summary>
public sealed class TokenRevokedException(string message) : SecurityTokenValidationException(message);
