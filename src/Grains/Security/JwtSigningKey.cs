namespace AriaPro.Grains.Security;

/// <summary>One signing secret as a silo uses it (decrypted, in memory only).</summary>
public sealed record JwtSigningKey(string Kid, byte[] Secret, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt);
