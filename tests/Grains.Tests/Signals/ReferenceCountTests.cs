using AriaPro.Grains.Signals.Models;

namespace AriaPro.Grains.Tests.Signals;

[Trait("Category", "Unit")]
public sealed class ReferenceCountTests
{
    private int _freed;

    [Fact]
    public void Retire_NobodyInside_FreesAtOnce()
    {
        var count = new ReferenceCount(() => _freed++);

        count.Retire();

        Assert.Equal(1, _freed);
        Assert.True(count.IsFreed);
        Assert.False(count.TryEnter());
    }

    [Fact]
    public void Retire_WhileInside_FreesWhenTheLastOneLeaves()
    {
        var count = new ReferenceCount(() => _freed++);
        Assert.True(count.TryEnter());
        Assert.True(count.TryEnter());

        count.Retire();
        count.Exit();
        var freedBeforeLast = _freed;
        count.Exit();

        Assert.Equal(0, freedBeforeLast);
        Assert.Equal(1, _freed);
    }

    [Fact]
    public void Retire_Twice_ReleasesTheOwnersReferenceOnce()
    {
        var count = new ReferenceCount(() => _freed++);
        Assert.True(count.TryEnter());

        count.Retire();
        count.Retire();

        Assert.False(count.IsFreed);
        count.Exit();
        Assert.Equal(1, _freed);
    }

    [Fact]
    public void TryEnter_ManyThreads_FreedExactlyOnceAfterAll()
    {
        var count = new ReferenceCount(() => Interlocked.Increment(ref _freed));

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (count.TryEnter())
            {
                count.Exit();
            }

            if (i == 500)
            {
                count.Retire();
            }
        });

        Assert.Equal(1, _freed);
        Assert.True(count.IsFreed);
    }
}
