namespace AriaPro.Grains.Locks;

/// <summary>
/// Cluster-wide locks for the jobs that must run once across the cluster (the end-of-day risk
/// snapshot, model reloads, key rotation). Grain state never needs one: grain single-threading is
/// the lock for everything else.
/// </summary>
public interface IDistributedLocks
{
    /// <summary>
    /// Takes the lock <paramref name="name"/>, waiting up to <paramref name="wait"/> while another
    /// holder has it, and keeps its lease alive until the handle is disposed. The handle's fencing
    /// token is greater than <paramref name="above"/>: the newest token the caller's own storage
    /// recorded, so a lock store that lost its counter (Redis restarted empty) can never hand out a
    /// token that is stale, or repeats one, against what was written under the lock before.
    /// </summary>
    /// <exception cref="LockUnavailableException">Another holder kept the lock for the whole wait.</exception>
    Task<ILockHandle> AcquireAsync(string name, TimeSpan lease, TimeSpan wait, long above = 0, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="value"/> under <paramref name="key"/> only if <paramref name="fencingToken"/>
    /// is the newest token issued for <paramref name="lockName"/>: a holder whose lease ran out cannot
    /// overwrite what a newer holder wrote.
    /// </summary>
    /// <returns>False when the token is stale and nothing was written.</returns>
    Task<bool> WriteFencedAsync(string lockName, long fencingToken, string key, string value);
}
