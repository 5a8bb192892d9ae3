using AriaPro.Grains.Locks;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace AriaPro.Grains.Tests.Locks;

/// <summary>Against the real redis-server that ./test.sh starts (ARIA_TEST_REDIS).</summary>
[Trait("Category", "Integration")]
public sealed class RedisDistributedLocksTests : IAsyncLifetime
{
    private static readonly string? Endpoint = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS");
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan LongLease = TimeSpan.FromSeconds(30);

    // Long enough that a busy machine (the whole suite runs in parallel) still renews in time.
    private static readonly TimeSpan RenewedLease = TimeSpan.FromSeconds(3);
    private readonly string _name = $"test-{Guid.NewGuid():N}";
    private readonly string _prefix = $"locks-{Guid.NewGuid():N}-";
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
    public async Task AcquireAsync_OneAfterAnother_FencingTokensIncrease()
    {
        var locks = Locks();

        long first, second;
        await using (var handle = await locks.AcquireAsync(_name, Lease, TimeSpan.Zero))
        {
            first = handle.FencingToken;
        }

        await using (var handle = await locks.AcquireAsync(_name, Lease, TimeSpan.Zero))
        {
            second = handle.FencingToken;
        }

        Assert.Equal(first + 1, second);
    }

    [SkippableFact]
    public async Task AcquireAsync_HeldAndRenewed_OtherGivesUpNamingTheLock()
    {
        var locks = Locks();
        await using var holder = await locks.AcquireAsync(_name, RenewedLease, TimeSpan.Zero);

        var refused = await Assert.ThrowsAsync<LockUnavailableException>(() => locks.AcquireAsync(_name, RenewedLease, RenewedLease * 1.5));

        Assert.Equal(_name, refused.LockName);
        Assert.Contains($"lock '{_name}' is held by another holder", refused.Message);
        Assert.False(holder.Lost.IsCancellationRequested);
    }

    [SkippableFact]
    public async Task StalledHolder_LeaseExpires_NewerHolderWinsAndLateWriteIsRefused()
    {
        var frozen = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var stalled = await Locks(frozen).AcquireAsync(_name, Lease, TimeSpan.Zero);

        // The newer holder's lease is long: on a loaded machine a short one could lapse between
        // heartbeats, and this test is about the stalled holder's.
        await using var newer = await Locks().AcquireAsync(_name, LongLease, Lease * 4);
        var newerWrote = await Locks().WriteFencedAsync(_name, newer.FencingToken, $"{_name}:value", "newer");
        var lateWrote = await Locks().WriteFencedAsync(_name, stalled.FencingToken, $"{_name}:value", "stalled");
        frozen.Advance(Lease);
        var lost = await Task.WhenAny(Task.Delay(Timeout.Infinite, stalled.Lost), Task.Delay(TimeSpan.FromSeconds(5)));

        Assert.True(newer.FencingToken > stalled.FencingToken);
        Assert.True(newerWrote);
        Assert.False(lateWrote);
        Assert.Equal("newer", (string?)await _redis!.GetDatabase().StringGetAsync($"{_name}:value"));
        Assert.True(stalled.Lost.IsCancellationRequested, "the stalled holder's renewal should find the lock taken");
        Assert.True(lost.IsCanceled);
        await stalled.DisposeAsync();
        Assert.False(newer.Lost.IsCancellationRequested);
    }

    [SkippableFact]
    public async Task AcquireAsync_CounterBelowTheCallersFloor_TokenIsAboveTheFloor()
    {
        var locks = Locks();
        long first, second;

        // A Redis restarted empty counts from 1 again; the caller's storage remembers 41.
        await using (var handle = await locks.AcquireAsync(_name, Lease, TimeSpan.Zero, above: 41))
        {
            first = handle.FencingToken;
        }

        await using (var handle = await locks.AcquireAsync(_name, Lease, TimeSpan.Zero))
        {
            second = handle.FencingToken;
        }

        Assert.Equal(42, first);
        Assert.Equal(43, second);
    }

    [SkippableFact]
    public async Task AcquireAsync_TwoServicesOnOneRedis_NeitherWaitsForTheOther()
    {
        var (serviceA, serviceB) = (Locks("service-a"), Locks("service-b"));
        var database = _redis!.GetDatabase();

        await using var a = await serviceA.AcquireAsync(_name, LongLease, TimeSpan.Zero);
        await using var b = await serviceB.AcquireAsync(_name, LongLease, TimeSpan.Zero);

        Assert.Equal(1, a.FencingToken);
        Assert.Equal(1, b.FencingToken);
        Assert.True(await database.KeyExistsAsync($"{_prefix}service-a:lock:{_name}"));
        Assert.True(await database.KeyExistsAsync($"{_prefix}service-b:lock:{_name}"));
        Assert.False(await database.KeyExistsAsync($"aria:lock:{_name}"));
    }

    private RedisDistributedLocks Locks(TimeProvider? time = null) => Locks("test", time);

    private RedisDistributedLocks Locks(string service, TimeProvider? time = null)
    {
        Skip.If(_redis is null, "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it");
        return new(_redis!, time ?? TimeProvider.System, RedisDistributedLocks.PrefixFor(_prefix + service));
    }
}
