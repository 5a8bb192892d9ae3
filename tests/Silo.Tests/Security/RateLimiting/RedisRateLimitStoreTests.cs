using AriaPro.Silo.Security;
using AriaPro.Silo.Security.RateLimiting;
using StackExchange.Redis;

namespace AriaPro.Silo.Tests.Security.RateLimiting;

/// <summary>Against the real redis-server that ./test.sh starts (ARIA_TEST_REDIS).</summary>
[Trait("Category", "Integration")]
public sealed class RedisRateLimitStoreTests : IAsyncLifetime
{
    internal const string SkipReason = "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it";
    internal static readonly string? Endpoint = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS");

    private readonly string _prefix = $"test:rl:{{{Guid.NewGuid():N}}}:";
    private ConnectionMultiplexer? _redis;

    public async Task InitializeAsync()
    {
        if (!string.IsNullOrEmpty(Endpoint))
        {
            _redis = await ConnectionMultiplexer.ConnectAsync(Endpoint);
        }
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task AcquireAsync_UpToLimit_AdmitsThenRefusesUntilTheOldestEntryLeaves()
    {
        var store = Store(new RateLimitOptions());

        var first = await store.AcquireAsync("a", InMemoryRateLimitStoreTests.Principal("a", 2));
        var second = await store.AcquireAsync("a", InMemoryRateLimitStoreTests.Principal("a", 2));
        var refused = await store.AcquireAsync("a", InMemoryRateLimitStoreTests.Principal("a", 2));

        Assert.True(first.Admitted);
        Assert.True(second.Admitted);
        Assert.Equal(RateLimitScope.Principal, refused.Scope);
        Assert.Equal(first.At + TimeSpan.FromMinutes(1) - refused.At, refused.RetryAfter);
        Assert.True(first.At < second.At && second.At < refused.At, "Redis's TIME orders the decisions");
    }

    [SkippableFact]
    public async Task AcquireAsync_RefusedRequest_ConsumesNoQuotaInAnyPartition()
    {
        var store = Store(new RateLimitOptions());
        var orders = InMemoryRateLimitStoreTests.Partitions("a", principal: 2, endpoint: ("POST /trading/orders", 1), global: 3);
        var other = InMemoryRateLimitStoreTests.Partitions("a", principal: 2, endpoint: null, global: 3);

        var first = await store.AcquireAsync("a", orders);
        var refusedByEndpoint = await store.AcquireAsync("a", orders);
        var second = await store.AcquireAsync("a", other);
        var refusedByPrincipal = await store.AcquireAsync("a", other);
        var global = await Database.SortedSetLengthAsync(_prefix + "w:g");

        Assert.True(first.Admitted);
        Assert.Equal(RateLimitScope.Endpoint, refusedByEndpoint.Scope);
        Assert.True(second.Admitted);
        Assert.Equal(RateLimitScope.Principal, refusedByPrincipal.Scope);
        Assert.Equal(2, global);
    }

    [SkippableFact]
    public async Task AcquireAsync_ThirdRefusal_LocksOutOnEveryStoreWithoutTouchingWindows()
    {
        var options = new RateLimitOptions();
        var siloA = Store(options);
        var siloB = Store(options);
        var partitions = InMemoryRateLimitStoreTests.Partitions("a", principal: 1, endpoint: null, global: 100);
        await siloA.AcquireAsync("a", partitions);
        await siloA.AcquireAsync("a", partitions);
        await siloA.AcquireAsync("a", partitions);

        var third = await siloA.AcquireAsync("a", partitions);
        var onB = await siloB.AcquireAsync("a", partitions);
        var global = await Database.SortedSetLengthAsync(_prefix + "w:g");

        Assert.True(third.PenaltyImposed);
        Assert.Equal(1, third.Penalty!.Level);
        Assert.Equal(third.At + TimeSpan.FromMinutes(1), third.Penalty.Until);
        Assert.Equal(RateLimitScope.Penalty, onB.Scope);
        Assert.False(onB.PenaltyImposed);
        Assert.Equal(third.Penalty, onB.Penalty);
        Assert.Equal(third.Penalty.Until - onB.At, onB.RetryAfter);
        Assert.Equal(1, global);
    }

    [SkippableFact]
    public async Task AcquireAsync_StrikesAcrossStores_EscalateLevelByLevel()
    {
        var durations = new[] { 1, 2, 3, 4 }.Select(µs => TimeSpan.FromTicks(µs * TimeSpan.TicksPerMicrosecond)).ToArray();
        var options = new RateLimitOptions { PenaltyDurations = durations };
        var stores = new[] { Store(options), Store(options) };

        var penalties = new List<Penalty>();
        var ats = new List<DateTimeOffset>();
        for (var strike = 0; strike < 5; strike++)
        {
            var decision = await HitUntilPenalty(stores[strike % 2], "a");
            penalties.Add(decision.Penalty!);
            ats.Add(decision.At);
        }

        Assert.Equal([1, 2, 3, 4, 4], penalties.Select(p => p.Level));
        Assert.Equal([1, 2, 3, 4, 4], penalties.Zip(ats, (p, at) => (p.Until - at).Ticks / TimeSpan.TicksPerMicrosecond));
    }

    [SkippableFact]
    public async Task AcquireAsync_EveryKey_ExpiresByItself()
    {
        var store = Store(new RateLimitOptions());
        var partitions = InMemoryRateLimitStoreTests.Partitions("a", principal: 1, endpoint: ("GET /x", 1), global: 100);
        for (var i = 0; i < 4; i++)
        {
            await store.AcquireAsync("a", partitions);
        }

        var keys = _redis!.GetServer(_redis.GetEndPoints()[0]).Keys(pattern: _prefix + "*").ToList();
        var ttls = new Dictionary<string, TimeSpan?>();
        foreach (var key in keys)
        {
            ttls[key.ToString()[_prefix.Length..]] = await Database.KeyTimeToLiveAsync(key);
        }

        Assert.Equal(["penalty:a", "strikes:a", "w:e:a|GET /x", "w:g", "w:p:a"], ttls.Keys.Order(StringComparer.Ordinal));
        Assert.All(ttls.Values, ttl => Assert.True(ttl > TimeSpan.Zero));
        Assert.True(ttls["w:p:a"] <= TimeSpan.FromMinutes(1));
        Assert.True(ttls["penalty:a"] <= TimeSpan.FromMinutes(1));
        Assert.True(ttls["strikes:a"] <= TimeSpan.FromHours(24) && ttls["strikes:a"] > TimeSpan.FromHours(23));
    }

    private IDatabase Database => _redis!.GetDatabase();

    private RedisRateLimitStore Store(RateLimitOptions options)
    {
        Skip.If(_redis is null, SkipReason);
        options.RedisKeyPrefix = _prefix;
        return new RedisRateLimitStore(_redis!, options);
    }

    private static async Task<RateLimitDecision> HitUntilPenalty(IRateLimitStore store, string principal)
    {
        for (var i = 0; i < 20; i++)
        {
            var decision = await store.AcquireAsync(principal, InMemoryRateLimitStoreTests.Principal(principal, 1));
            if (decision.PenaltyImposed)
            {
                return decision;
            }
        }

        throw new Xunit.Sdk.XunitException("no penalty after 20 requests over a limit of 1");
    }
}
