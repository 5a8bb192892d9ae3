using Orleans.Concurrency;

namespace AriaPro.Grains.Interfaces.Security;

/// <summary>
/// Revoked token ids (key 0), each kept until the token would have expired anyway. Every silo's
/// cache polls <see cref="GetRevokedSince"/>.
/// </summary>
[Alias("AriaPro.ITokenRevocationGrain")]
public interface ITokenRevocationGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the one revocation list.</summary>
    const long Cluster = 0;

    /// <summary>Revokes the token <paramref name="jti"/> until <paramref name="expiresAt"/>; an already expired token changes nothing.</summary>
    [Alias("Revoke"), CallerRole(AriaRoles.Admin, Endpoint = "POST /security/revoke")]
    Task Revoke(string jti, DateTimeOffset expiresAt);

    /// <summary>
    /// Revokes every token of <paramref name="subject"/> (an API key id) issued at or before
    /// <paramref name="revokedAt"/>: a deleted key's tokens stop working, while tokens of a key
    /// stored again under the same id later are not affected. Kept until those tokens would have expired.
    /// </summary>
    [Alias("RevokeSubject")]
    Task RevokeSubject(string subject, DateTimeOffset revokedAt);

    /// <summary>The unexpired revocations, or null when the list is still <paramref name="knownVersion"/>.</summary>
    [Alias("GetRevokedSince"), ReadOnly, AlwaysInterleave]
    Task<RevokedTokens?> GetRevokedSince(long knownVersion);
}
