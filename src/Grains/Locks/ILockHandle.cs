namespace AriaPro.Grains.Locks;

/// <summary>A held cluster-wide lease. Disposing the handle releases it, when it is still ours.</summary>
public interface ILockHandle : IAsyncDisposable
{
    /// <summary>The lock's name.</summary>
    string Name { get; }

    /// <summary>Monotonic per lock name: every acquisition gets a larger one. Writes made under the lock carry it.</summary>
    long FencingToken { get; }

    /// <summary>Fires when the lease is lost (a renewal found another holder, or Redis could not confirm it in time).</summary>
    CancellationToken Lost { get; }
}
