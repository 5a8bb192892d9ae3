using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Grains.Security;

/// <summary>One signing secret as a silo uses it (decrypted, in memory only).</summary>
public sealed record JwtSigningKey(string Kid, byte[] Secret, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt);

/// <summary>Per-silo: the cluster's signing keys and revocations.</summary>
public interface IJwtKeys
{
    JwtSigningKey Current { get; }

    JwtSigningKey? Find(string kid);

    bool IsRevoked(string jti);

    Task<JwtKeyRingView> RotateAsync(string reason);

    Task RevokeAsync(string jti, DateTimeOffset expiresAt);

    Task RefreshAsync();
}
