using StackExchange.Redis;

namespace AriaPro.Load.Operations;

/// <summary>The Redis platform baseline: one PING round trip through StackExchange.Redis.</summary>
public static class RedisPing
{
    public static LoadOperation Operation(IConnectionMultiplexer redis)
    {
        var database = redis.GetDatabase();
        return new(OperationNames.RedisPing, "redis", "PING through StackExchange.Redis (one multiplexed connection)",
            async _ =>
            {
                await database.PingAsync();
                return null;
            },
            Baseline: null, IsBaseline: true);
    }
}
