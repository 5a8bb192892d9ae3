using Orleans.Concurrency;

namespace AriaPro.Grains.Interfaces.Security;

/// <summary>
/// The cluster's JWT signing keys (key 0). Secrets leave the grain only sealed under the master
/// key; every silo's cache polls <see cref="GetKeysSince"/> and opens them itself.
/// </summary>
[Alias("AriaPro.IJwtKeyRingGrain")]
public interface IJwtKeyRingGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the one key ring.</summary>
    const long Cluster = 0;

    /// <summary>Rotates now under the <c>jwt:rotate</c> lock: a new current key, the old one retired into its overlap.</summary>
    [Alias("Rotate"), CallerRole(AriaRoles.Admin, Endpoint = "POST /security/rotate-jwt")]
    Task<JwtKeyRingView> Rotate(string reason);

    /// <summary>What the rotation reminder runs: rotates under the lock only if the current key is due.</summary>
    /// <returns>True when it rotated.</returns>
    [Alias("RotateIfDue")]
    Task<bool> RotateIfDue();

    /// <summary>The key ring without secrets, for admins.</summary>
    [Alias("GetView"), ReadOnly, AlwaysInterleave, CallerRole(AriaRoles.Admin)]
    Task<JwtKeyRingView> GetView();

    /// <summary>The sealed key set, or null when it is still <paramref name="knownVersion"/>: a poll that found nothing new costs one small call.</summary>
    [Alias("GetKeysSince"), ReadOnly, AlwaysInterleave]
    Task<SealedJwtKeyRing?> GetKeysSince(long knownVersion);
}
