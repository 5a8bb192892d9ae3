using System.Runtime.CompilerServices;
using AriaPro.Grains.Locks;

namespace AriaPro.Grains.Tests.Locks;

/// <summary>
/// <see cref="LocalDistributedLocks"/> whose next handle can carry a token the test chooses: a
/// holder whose lease ran out and who still believes it holds the lock.
/// </summary>
public sealed class TokenOverrideLocks(TimeProvider time) : IDistributedLocks
{
    private readonly LocalDistributedLocks _locks = new(time);
    private StrongBox<long>? _nextToken;

    /// <summary>The next handle carries <paramref name="token"/> instead of its own.</summary>
    public void NextHandleCarries(long token) => Interlocked.Exchange(ref _nextToken, new(token));

    public async Task<ILockHandle> AcquireAsync(string name, TimeSpan lease, TimeSpan wait, long above = 0, CancellationToken cancellationToken = default)
    {
        var handle = await _locks.AcquireAsync(name, lease, wait, above, cancellationToken);
        return Interlocked.Exchange(ref _nextToken, null) is { } token ? new Stale(handle, token.Value) : handle;
    }

    public Task<bool> WriteFencedAsync(string lockName, long fencingToken, string key, string value) =>
        _locks.WriteFencedAsync(lockName, fencingToken, key, value);

    private sealed class Stale(ILockHandle handle, long token) : ILockHandle
    {
        public string Name => handle.Name;

        public long FencingToken => token;

        public CancellationToken Lost => handle.Lost;

        public ValueTask DisposeAsync() => handle.DisposeAsync();
    }
}
