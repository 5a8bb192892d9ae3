using AriaPro.Grains.Locks;

namespace AriaPro.Grains.Tests.Locks;

[Trait("Category", "Unit")]
public sealed class LocalDistributedLocksTests
{
    private readonly LocalDistributedLocks _locks = new(TimeProvider.System);

    [Fact]
    public async Task AcquireAsync_Held_SecondHolderRefusedThenGetsANewerToken()
    {
        var first = await _locks.AcquireAsync("job", TimeSpan.FromSeconds(1), TimeSpan.Zero);

        await Assert.ThrowsAsync<LockUnavailableException>(() => _locks.AcquireAsync("job", TimeSpan.FromSeconds(1), TimeSpan.Zero));
        await first.DisposeAsync();
        await using var second = await _locks.AcquireAsync("job", TimeSpan.FromSeconds(1), TimeSpan.Zero);

        Assert.Equal(first.FencingToken + 1, second.FencingToken);
    }

    [Fact]
    public async Task WriteFencedAsync_OlderToken_Refused()
    {
        long old;
        await using (var first = await _locks.AcquireAsync("job", TimeSpan.FromSeconds(1), TimeSpan.Zero))
        {
            old = first.FencingToken;
        }

        await using var current = await _locks.AcquireAsync("job", TimeSpan.FromSeconds(1), TimeSpan.Zero);

        Assert.True(await _locks.WriteFencedAsync("job", current.FencingToken, "k", "current"));
        Assert.False(await _locks.WriteFencedAsync("job", old, "k", "stale"));
        Assert.Equal("current", _locks.Read("k"));
    }

    [Fact]
    public async Task AcquireAsync_FloorAboveTheCounter_TokenIsAboveTheFloor()
    {
        long first, second;
        await using (var handle = await _locks.AcquireAsync("floor", TimeSpan.FromSeconds(1), TimeSpan.Zero, above: 9))
        {
            first = handle.FencingToken;
        }

        await using (var handle = await _locks.AcquireAsync("floor", TimeSpan.FromSeconds(1), TimeSpan.Zero, above: 3))
        {
            second = handle.FencingToken;
        }

        Assert.Equal(10, first);
        Assert.Equal(11, second);
    }
}
