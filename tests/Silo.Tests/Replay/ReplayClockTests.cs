using AriaPro.Replay;

namespace AriaPro.Silo.Tests.Replay;

[Trait("Category", "Unit")]
public sealed class ReplayClockTests
{
    private static readonly DateTimeOffset Start = new(2016, 1, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SetUtcNow_ManyPeriodsLater_RunsAPeriodicTimerOnceAndReschedulesItFromTheNewTime()
    {
        var clock = new ReplayClock(Start);
        var runs = 0;
        using var timer = clock.CreateTimer(_ => runs++, null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));

        clock.SetUtcNow(Start.AddDays(1));
        var afterOneDay = runs;
        clock.SetUtcNow(Start.AddDays(1).AddMilliseconds(249));
        var beforeNextPeriod = runs;
        clock.SetUtcNow(Start.AddDays(1).AddMilliseconds(250));

        Assert.Equal(1, afterOneDay);
        Assert.Equal(1, beforeNextPeriod);
        Assert.Equal(2, runs);
    }

    [Fact]
    public void SetUtcNow_SeveralTimersDue_RunsThemInDueOrder()
    {
        var clock = new ReplayClock(Start);
        var order = new List<string>();
        using var late = clock.CreateTimer(_ => order.Add("late"), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => order.Add("early"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var notYet = clock.CreateTimer(_ => order.Add("not yet"), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        clock.SetUtcNow(Start.AddMinutes(1));

        Assert.Equal(["early", "late"], order);
        Assert.Equal(1, clock.PendingTimers);
    }

    [Fact]
    public void SetUtcNow_DisposedTimer_NeverRuns()
    {
        var clock = new ReplayClock(Start);
        var runs = 0;
        var timer = clock.CreateTimer(_ => runs++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Dispose();
        clock.SetUtcNow(Start.AddDays(1));

        Assert.Equal(0, runs);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public async Task SetUtcNow_PastADelay_CompletesTheDelay()
    {
        var clock = new ReplayClock(Start);
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);

        var before = delay.IsCompleted;
        clock.SetUtcNow(Start.AddSeconds(30));
        await delay;

        Assert.False(before);
        Assert.Equal(Start.AddSeconds(30), clock.GetUtcNow());
    }

    [Fact]
    public void SetUtcNow_Backwards_Throws()
    {
        var clock = new ReplayClock(Start);
        clock.SetUtcNow(Start.AddDays(2));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start.AddDays(1)));
        Assert.Equal(Start.AddDays(2), clock.GetUtcNow());
    }
}
