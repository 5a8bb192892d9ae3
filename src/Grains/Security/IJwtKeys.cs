using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Grains.Security;

/// <summary>
/// Per-silo singleton: the cluster's key set and revocations, kept fresh by polling the grains
/// (every <see cref="JwtKeys.PollInterval"/>, so every silo sees a rotation or revocation within a second).
/// </summary>
public interface IJwtKeys
{
    /// <summary>The key new tokens are signed with.</summary>
    JwtSigningKey Current { get; }

    /// <summary>A key that still validates now: the current one, or a retired one within JWT_SECRET_OVERLAP_HOURS; null otherwise.</summary>
    JwtSigningKey? Find(string kid);

    /// <summary>Whether the token <paramref name="jti"/> is revoked and not yet expired.</summary>
    bool IsRevoked(string jti);

    /// <summary>
    /// Whether a token is refused: its <paramref name="jti"/> is revoked, or its
    /// <paramref name="subject"/> (API key id) was revoked at or after <paramref name="issuedAt"/>
    /// (an unknown issue time counts as before).
    /// </summary>
    bool IsRevoked(string jti, string? subject, DateTimeOffset? issuedAt);

    /// <summary>Rotates now (grain call), then refreshes this silo's cache before returning.</summary>
    Task<JwtKeyRingView> RotateAsync(string reason);

    /// <summary>Revokes (grain call), then refreshes this silo's cache before returning.</summary>
    Task RevokeAsync(string jti, DateTimeOffset expiresAt);

    /// <summary>Pulls the key set and revocations now.</summary>
    Task RefreshAsync();
}
