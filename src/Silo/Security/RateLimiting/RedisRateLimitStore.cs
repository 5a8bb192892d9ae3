using StackExchange.Redis;

namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>
/// The cluster-mode store: one Lua script per request, timed by Redis's own clock (TIME), so silos
/// with skewed clocks agree. Each partition is a sliding-window log, a ZSET of request ids scored by
/// admission time in µs; a principal's recent refusals and strikes are ZSETs too, its lockout a hash.
/// Every key carries a PEXPIRE, so idle principals leave nothing behind.
/// </summary>
public sealed class RedisRateLimitStore(IConnectionMultiplexer redis, RateLimitOptions options) : IRateLimitStore
{
    // KEYS: 1 lockout hash, 2 strikes, 3 refusals, 4.. partition windows.
    // ARGV: 1 window µs, 2 refusals per strike, 3 strike window µs, 4 strike memory µs, 5 request id,
    //       6 number of penalty levels n, 7..6+n lockout µs per level, 7+n.. partition limits.
    // Numbers go back to Redis through %.0f: Lua's default formatting keeps 14 digits, too few for µs.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local function f(x) return string.format('%.0f', x) end
        local function ms(x) return f(math.max(1, math.ceil(x / 1000))) end
        local lockedUntil = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
        if lockedUntil > now then
          return {0, -1, now, lockedUntil, tonumber(redis.call('HGET', KEYS[1], 'level')), 0}
        end
        local window = tonumber(ARGV[1])
        local levels = tonumber(ARGV[6])
        for i = 4, #KEYS do
          local limit = tonumber(ARGV[6 + levels + i - 3])
          redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', f(now - window))
          local count = redis.call('ZCARD', KEYS[i])
          if count >= limit then
            local oldest = redis.call('ZRANGE', KEYS[i], count - limit, count - limit, 'WITHSCORES')
            local freesAt = tonumber(oldest[2]) + window
            local strikeWindow = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', f(now - strikeWindow))
            redis.call('ZADD', KEYS[3], f(now), ARGV[5])
            redis.call('PEXPIRE', KEYS[3], ms(strikeWindow))
            if redis.call('ZCARD', KEYS[3]) < tonumber(ARGV[2]) then
              return {0, i - 3, now, freesAt, 0, 0}
            end
            redis.call('DEL', KEYS[3])
            local memory = tonumber(ARGV[4])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', f(now - memory))
            redis.call('ZADD', KEYS[2], f(now), ARGV[5])
            redis.call('PEXPIRE', KEYS[2], ms(memory))
            local level = math.min(redis.call('ZCARD', KEYS[2]), levels)
            local lockout = tonumber(ARGV[6 + level])
            redis.call('HSET', KEYS[1], 'until', f(now + lockout), 'level', level)
            redis.call('PEXPIRE', KEYS[1], ms(lockout))
            return {0, i - 3, now, now + lockout, level, 1}
          end
        end
        for i = 4, #KEYS do
          redis.call('ZADD', KEYS[i], f(now), ARGV[5])
          redis.call('PEXPIRE', KEYS[i], ms(window))
        end
        return {1, 0, now, now, 0, 0}
        """;

    private readonly string _prefix = options.RedisKeyPrefix;

    /// <inheritdoc />
    public async Task<RateLimitDecision> AcquireAsync(string principal, IReadOnlyList<RateLimitPartition> partitions, CancellationToken cancellationToken = default)
    {
        var keys = new RedisKey[3 + partitions.Count];
        keys[0] = _prefix + "penalty:" + principal;
        keys[1] = _prefix + "strikes:" + principal;
        keys[2] = _prefix + "refusals:" + principal;
        for (var i = 0; i < partitions.Count; i++)
        {
            keys[3 + i] = _prefix + "w:" + partitions[i].Key;
        }

        var values = new List<RedisValue>
        {
            UnixMicros.From(options.Window),
            options.StrikeRefusals,
            UnixMicros.From(options.StrikeWindow),
            UnixMicros.From(options.StrikeMemory),
            Guid.NewGuid().ToString("N"),
            options.PenaltyDurations.Count,
        };
        values.AddRange(options.PenaltyDurations.Select(d => (RedisValue)UnixMicros.From(d)));
        values.AddRange(partitions.Select(p => (RedisValue)p.Limit));

        var reply = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, keys, [.. values]))!;
        var outcome = new StoreOutcome(
            Admitted: (long)reply[0] == 1,
            RefusedIndex: (int)(long)reply[1],
            Now: (long)reply[2],
            RetryAt: (long)reply[3],
            Level: (int)(long)reply[4],
            Imposed: (long)reply[5] == 1);
        return outcome.ToDecision(partitions);
    }

    /// <summary>The Redis key of a partition's window, for tests and operators.</summary>
    public string WindowKey(RateLimitPartition partition) => _prefix + "w:" + partition.Key;
}
