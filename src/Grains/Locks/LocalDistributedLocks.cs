using System.Collections.Concurrent;

namespace AriaPro.Grains.Locks;

/// <summary>
/// The embedded mode's locks: one silo, so a process-wide table is the whole cluster. Same contract
/// as <see cref="RedisDistributedLocks"/>: exclusive holders, monotonic fencing tokens, fenced writes;
/// a lease cannot be lost while the process lives.
/// </summary>
public sealed class LocalDistributedLocks(TimeProvider time) : IDistributedLocks
{
    private readonly ConcurrentDictionary<string, string> _holders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _fences = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Token, string Value)> _values = new(StringComparer.Ordinal);

    public async Task<ILockHandle> AcquireAsync(string name, TimeSpan lease, TimeSpan wait, long above = 0, CancellationToken cancellationToken = default)
    {
        var owner = Guid.NewGuid().ToString("N");
        var deadline = time.GetUtcNow() + wait;
        while (!_holders.TryAdd(name, owner))
        {
            if (time.GetUtcNow() >= deadline)
            {
                throw new LockUnavailableException(name, wait);
            }

            await Task.Delay(RedisDistributedLocks.RetryInterval, time, cancellationToken);
        }

        return new Handle(this, name, owner, _fences.AddOrUpdate(name, above + 1, (_, token) => Math.Max(token, above) + 1));
    }

    public Task<bool> WriteFencedAsync(string lockName, long fencingToken, string key, string value)
    {
        if (fencingToken < _fences.GetValueOrDefault(lockName))
        {
            return Task.FromResult(false);
        }

        _values[key] = (fencingToken, value);
        return Task.FromResult(true);
    }

    /// <summary>What a fenced write stored under <paramref name="key"/>, for inspection.</summary>
    public string? Read(string key) => _values.TryGetValue(key, out var entry) ? entry.Value : null;

    private sealed class Handle(LocalDistributedLocks locks, string name, string owner, long token) : ILockHandle
    {
        public string Name => name;

        public long FencingToken => token;

        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync()
        {
            locks._holders.TryRemove(new KeyValuePair<string, string>(name, owner));
            return ValueTask.CompletedTask;
        }
    }
}
