using StackExchange.Redis;

namespace AriaPro.Grains.Locks;

/// <summary>
/// Distributed locks on Redis. Taking a lock is one Lua script: SET NX PX of a random owner id and,
/// only if that succeeded, INCR of the lock's fencing counter (raised above the caller's floor first
/// when it is lower: a Redis that lost its data must not restart the counter). Renewal and release
/// check the owner id first, so nobody extends or deletes a lease that has passed to someone else.
/// A fenced write is a script that compares the writer's token with the counter. Keys start with
/// <paramref name="keyPrefix"/> (the service id's), so deployments sharing a Redis never share a lock.
/// </summary>
public sealed class RedisDistributedLocks(IConnectionMultiplexer redis, TimeProvider time, string keyPrefix) : IDistributedLocks
{
    private static readonly LuaScript Acquire = LuaScript.Prepare(
        "if redis.call('SET', @key, @owner, 'NX', 'PX', @lease) then " +
        "local token = redis.call('INCR', @fence) " +
        "if token <= tonumber(@above) then token = tonumber(@above) + 1 redis.call('SET', @fence, token) end " +
        "return token else return 0 end");

    private static readonly LuaScript Renew = LuaScript.Prepare(
        "if redis.call('GET', @key) == @owner then return redis.call('PEXPIRE', @key, @lease) else return 0 end");

    private static readonly LuaScript Release = LuaScript.Prepare(
        "if redis.call('GET', @key) == @owner then return redis.call('DEL', @key) else return 0 end");

    private static readonly LuaScript Fenced = LuaScript.Prepare(
        "if tonumber(@token) < tonumber(redis.call('GET', @fence) or '0') then return 0 end redis.call('SET', @target, @value) return 1");

    /// <summary>How often a waiting acquirer tries again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The key prefix for a service: <c>{serviceId}:lock:</c>.</summary>
    public static string PrefixFor(string serviceId) => $"{serviceId}:lock:";

    public async Task<ILockHandle> AcquireAsync(string name, TimeSpan lease, TimeSpan wait, long above = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.FromMilliseconds(100));
        ArgumentOutOfRangeException.ThrowIfNegative(above);
        var owner = Guid.NewGuid().ToString("N");
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            var token = (long)await Database.ScriptEvaluateAsync(Acquire, new
            {
                key = (RedisKey)KeyOf(name),
                fence = (RedisKey)FenceKey(name),
                owner,
                lease = (long)lease.TotalMilliseconds,
                above,
            });
            if (token > 0)
            {
                return new Handle(this, name, owner, token, lease, time);
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new LockUnavailableException(name, wait);
            }

            await Task.Delay(RetryInterval, time, cancellationToken);
        }
    }

    public async Task<bool> WriteFencedAsync(string lockName, long fencingToken, string key, string value) =>
        (long)await Database.ScriptEvaluateAsync(Fenced, new
        {
            fence = (RedisKey)FenceKey(lockName),
            target = (RedisKey)key,
            token = fencingToken,
            value,
        }) == 1;

    private IDatabase Database => redis.GetDatabase();

    private string KeyOf(string name) => keyPrefix + name;

    private string FenceKey(string name) => keyPrefix + name + ":fence";

    /// <summary>A held lease, renewed every third of its length until disposed or lost.</summary>
    private sealed class Handle : ILockHandle
    {
        private readonly RedisDistributedLocks _locks;
        private readonly string _owner;
        private readonly TimeSpan _lease;
        private readonly TimeProvider _time;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _heartbeat;

        public Handle(RedisDistributedLocks locks, string name, string owner, long token, TimeSpan lease, TimeProvider time)
        {
            (_locks, Name, _owner, FencingToken, _lease, _time) = (locks, name, owner, token, lease, time);
            _heartbeat = HeartbeatAsync();
        }

        public string Name { get; }

        public long FencingToken { get; }

        public CancellationToken Lost => _lost.Token;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _heartbeat;
            if (!_lost.IsCancellationRequested)
            {
                await _locks.Database.ScriptEvaluateAsync(Release, new { key = (RedisKey)_locks.KeyOf(Name), owner = _owner });
            }

            _stop.Dispose();
            _lost.Dispose();
        }

        private async Task HeartbeatAsync()
        {
            var confirmedUntil = _time.GetUtcNow() + _lease;
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(_lease / 3, _time, _stop.Token);
                    var renewed = (long)await _locks.Database.ScriptEvaluateAsync(Renew, new
                    {
                        key = (RedisKey)_locks.KeyOf(Name),
                        owner = _owner,
                        lease = (long)_lease.TotalMilliseconds,
                    });
                    if (renewed == 0)
                    {
                        await _lost.CancelAsync();
                        return;
                    }

                    confirmedUntil = _time.GetUtcNow() + _lease;
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (RedisException) when (_time.GetUtcNow() < confirmedUntil)
                {
                    // Redis did not answer this time; the lease still runs until confirmedUntil.
                }
                catch (RedisException)
                {
                    await _lost.CancelAsync();
                    return;
                }
            }
        }
    }
}
