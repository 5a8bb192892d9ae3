using AriaPro.Silo.Security;
using AriaPro.Silo.Security.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Silo.Tests.Security.RateLimiting;

[Trait("Category", "Unit")]
public sealed class InMemoryRateLimitStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AcquireAsync_UpToLimit_AdmitsThenRefusesByPrincipal()
    {
        var store = Store();

        var admitted = await Repeat(store, "a", 3, Principal("a", 3));
        var refused = await store.AcquireAsync("a", Principal("a", 3));

        Assert.All(admitted, d => Assert.True(d.Admitted));
        Assert.False(refused.Admitted);
        Assert.Equal(RateLimitScope.Principal, refused.Scope);
        Assert.Equal(3, refused.RefusedBy!.Limit);
        Assert.Equal(Window, refused.RetryAfter);
        Assert.Equal(60, refused.RetryAfterSeconds);
    }

    [Fact]
    public async Task AcquireAsync_WindowBoundary_EntryLeavesExactlyOneWindowLater()
    {
        var store = Store();
        await store.AcquireAsync("a", Principal("a", 1));

        _time.Advance(Window - TimeSpan.FromTicks(10));
        var justBefore = await store.AcquireAsync("a", Principal("a", 1));
        _time.Advance(TimeSpan.FromTicks(10));
        var atBoundary = await store.AcquireAsync("a", Principal("a", 1));

        Assert.False(justBefore.Admitted);
        Assert.Equal(TimeSpan.FromTicks(10), justBefore.RetryAfter);
        Assert.Equal(1, justBefore.RetryAfterSeconds);
        Assert.True(atBoundary.Admitted);
    }

    [Fact]
    public async Task AcquireAsync_SlidingWindow_RetryAfterIsWhenTheOldestNeededEntryLeaves()
    {
        var store = Store();
        await store.AcquireAsync("a", Principal("a", 2));
        _time.Advance(TimeSpan.FromSeconds(20));
        await store.AcquireAsync("a", Principal("a", 2));
        _time.Advance(TimeSpan.FromSeconds(10));

        var refused = await store.AcquireAsync("a", Principal("a", 2));
        _time.Advance(TimeSpan.FromSeconds(30));
        var afterFirstLeft = await store.AcquireAsync("a", Principal("a", 2));

        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.True(afterFirstLeft.Admitted);
    }

    [Fact]
    public async Task AcquireAsync_EndpointPartition_RefusesWhileThePrincipalHasRoom()
    {
        var store = Store();
        var orders = Partitions("a", principal: 10, endpoint: ("POST /trading/orders", 2), global: 100);

        await Repeat(store, "a", 2, orders);
        var refused = await store.AcquireAsync("a", orders);
        var elsewhere = await store.AcquireAsync("a", Partitions("a", principal: 10, endpoint: null, global: 100));

        Assert.Equal(RateLimitScope.Endpoint, refused.Scope);
        Assert.True(elsewhere.Admitted);
    }

    [Fact]
    public async Task AcquireAsync_GlobalPartition_IsSharedByAllPrincipals()
    {
        var store = Store();

        var a = await store.AcquireAsync("a", Partitions("a", 10, null, global: 2));
        var b = await store.AcquireAsync("b", Partitions("b", 10, null, global: 2));
        var c = await store.AcquireAsync("c", Partitions("c", 10, null, global: 2));

        Assert.True(a.Admitted);
        Assert.True(b.Admitted);
        Assert.Equal(RateLimitScope.Global, c.Scope);
    }

    [Fact]
    public async Task AcquireAsync_RefusedRequest_ConsumesNoQuotaInAnyPartition()
    {
        var store = Store();
        var orders = Partitions("a", principal: 2, endpoint: ("POST /trading/orders", 1), global: 3);
        var other = Partitions("a", principal: 2, endpoint: null, global: 3);

        var first = await store.AcquireAsync("a", orders);
        var refusedByEndpoint = await store.AcquireAsync("a", orders);
        var second = await store.AcquireAsync("a", other);
        var refusedByPrincipal = await store.AcquireAsync("a", other);
        var someoneElse = await store.AcquireAsync("b", Partitions("b", 2, null, global: 3));

        Assert.True(first.Admitted);
        Assert.Equal(RateLimitScope.Endpoint, refusedByEndpoint.Scope);
        Assert.True(second.Admitted);
        Assert.Equal(RateLimitScope.Principal, refusedByPrincipal.Scope);
        Assert.True(someoneElse.Admitted);
    }

    [Fact]
    public async Task AcquireAsync_ThirdRefusalWithinStrikeWindow_ImposesLevelOnePenalty()
    {
        var store = Store();
        await store.AcquireAsync("a", Principal("a", 1));

        var first = await store.AcquireAsync("a", Principal("a", 1));
        var second = await store.AcquireAsync("a", Principal("a", 1));
        var third = await store.AcquireAsync("a", Principal("a", 1));
        var lockedOut = await store.AcquireAsync("a", Principal("a", 1));

        Assert.Null(first.Penalty);
        Assert.Null(second.Penalty);
        Assert.True(third.PenaltyImposed);
        Assert.Equal(new Penalty(1, _time.GetUtcNow() + TimeSpan.FromMinutes(1)), third.Penalty);
        Assert.Equal(RateLimitScope.Penalty, third.Scope);
        Assert.Equal(RateLimitScope.Penalty, lockedOut.Scope);
        Assert.False(lockedOut.PenaltyImposed);
        Assert.Equal(TimeSpan.FromMinutes(1), lockedOut.RetryAfter);
    }

    [Fact]
    public async Task AcquireAsync_RefusalsSpreadBeyondStrikeWindow_MakeNoStrike()
    {
        var store = Store();
        await store.AcquireAsync("a", Principal("a", 1));

        await store.AcquireAsync("a", Principal("a", 1));
        await store.AcquireAsync("a", Principal("a", 1));
        _time.Advance(TimeSpan.FromMinutes(1));
        await store.AcquireAsync("a", Principal("a", 1));
        var refused = await store.AcquireAsync("a", Principal("a", 1));

        Assert.Equal(RateLimitScope.Principal, refused.Scope);
        Assert.Null(refused.Penalty);
    }

    [Fact]
    public async Task AcquireAsync_RepeatedStrikes_EscalateThrough1_5_15_60Minutes()
    {
        var store = Store();
        var lockouts = new List<TimeSpan>();

        for (var strike = 0; strike < 5; strike++)
        {
            var penalty = await HitUntilPenalty(store, "a");
            lockouts.Add(penalty.Until - _time.GetUtcNow());
            _time.Advance(penalty.Until - _time.GetUtcNow());
        }

        Assert.Equal([1, 5, 15, 60, 60], lockouts.Select(l => l.TotalMinutes));
    }

    [Fact]
    public async Task AcquireAsync_LockoutExpires_AdmitsAgain()
    {
        var store = Store();
        var penalty = await HitUntilPenalty(store, "a");

        _time.Advance(penalty.Until - _time.GetUtcNow() - TimeSpan.FromTicks(10));
        var stillLocked = await store.AcquireAsync("a", Principal("a", 1));
        _time.Advance(TimeSpan.FromTicks(10));
        var free = await store.AcquireAsync("a", Principal("a", 1));

        Assert.Equal(RateLimitScope.Penalty, stillLocked.Scope);
        Assert.True(free.Admitted);
    }

    [Fact]
    public async Task AcquireAsync_StrikesOlderThanMemory_AreForgotten()
    {
        var store = Store();
        await HitUntilPenalty(store, "a");
        _time.Advance(TimeSpan.FromMinutes(10));
        await HitUntilPenalty(store, "a");

        _time.Advance(TimeSpan.FromHours(24));
        var penalty = await HitUntilPenalty(store, "a");

        Assert.Equal(1, penalty.Level);
    }

    [Fact]
    public async Task AcquireAsync_WhileLockedOut_TouchesNoWindowAndMakesNoStrike()
    {
        var store = Store();
        await store.AcquireAsync("a", Partitions("a", 1, null, global: 3));
        for (var i = 0; i < 3; i++)
        {
            await store.AcquireAsync("a", Partitions("a", 1, null, global: 3));
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(RateLimitScope.Penalty, (await store.AcquireAsync("a", Partitions("a", 1, null, global: 3))).Scope);
        }

        var b = await store.AcquireAsync("b", Partitions("b", 1, null, global: 3));
        var c = await store.AcquireAsync("c", Partitions("c", 1, null, global: 3));
        _time.Advance(TimeSpan.FromMinutes(1));
        var next = await HitUntilPenalty(store, "a");

        Assert.True(b.Admitted);
        Assert.True(c.Admitted);
        Assert.Equal(2, next.Level);
    }

    private InMemoryRateLimitStore Store() => new(new RateLimitOptions(), _time);

    private async Task<Penalty> HitUntilPenalty(InMemoryRateLimitStore store, string principal)
    {
        for (var i = 0; i < 10; i++)
        {
            var decision = await store.AcquireAsync(principal, Principal(principal, 1));
            if (decision.PenaltyImposed)
            {
                return decision.Penalty!;
            }
        }

        throw new Xunit.Sdk.XunitException("no penalty after 10 requests over a limit of 1");
    }

    private static async Task<List<RateLimitDecision>> Repeat(IRateLimitStore store, string principal, int count, IReadOnlyList<RateLimitPartition> partitions)
    {
        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < count; i++)
        {
            decisions.Add(await store.AcquireAsync(principal, partitions));
        }

        return decisions;
    }

    internal static IReadOnlyList<RateLimitPartition> Principal(string principal, int limit) =>
        [new RateLimitPartition(RateLimitScope.Principal, "p:" + principal, limit)];

    internal static IReadOnlyList<RateLimitPartition> Partitions(string who, int principal, (string Name, int Limit)? endpoint, int global)
    {
        var partitions = new List<RateLimitPartition> { new(RateLimitScope.Principal, "p:" + who, principal) };
        if (endpoint is { } e)
        {
            partitions.Add(new(RateLimitScope.Endpoint, "e:" + who + "|" + e.Name, e.Limit));
        }

        partitions.Add(new(RateLimitScope.Global, "g", global));
        return partitions;
    }
}
