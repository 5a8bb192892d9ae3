using System.Diagnostics;
using AriaPro.Load.Running;

namespace AriaPro.Silo.Tests.Load;

[Trait("Category", "Unit")]
public sealed class OpenLoopScheduleTests
{
    [Fact]
    public void Count_RateTimesDuration_IsTheNumberOfSends()
    {
        var schedule = new OpenLoopSchedule(2_000, TimeSpan.FromSeconds(10));

        Assert.Equal(20_000, schedule.Count);
    }

    [Fact]
    public void Count_FractionalRate_RoundsDownButSendsAtLeastOnce()
    {
        Assert.Equal(2, new OpenLoopSchedule(0.5, TimeSpan.FromSeconds(5)).Count);
        Assert.Equal(1, new OpenLoopSchedule(0.1, TimeSpan.FromSeconds(1)).Count);
    }

    [Fact]
    public void OffsetOf_EverySend_IsItsIndexOverTheRate()
    {
        var schedule = new OpenLoopSchedule(4_000, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.Zero, schedule.OffsetOf(0));
        Assert.Equal(TimeSpan.FromMicroseconds(250), schedule.OffsetOf(1));
        Assert.Equal(TimeSpan.FromMilliseconds(250), schedule.OffsetOf(1_000));
    }

    [Fact]
    public void TimestampOf_DoesNotDependOnWhenEarlierSendsWereAnswered()
    {
        var schedule = new OpenLoopSchedule(1_000, TimeSpan.FromSeconds(1));
        const long start = 1_000_000;

        Assert.Equal(start, schedule.TimestampOf(start, 0));
        Assert.Equal(start + Stopwatch.Frequency / 2, schedule.TimestampOf(start, 500));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_RateNotPositive_Throws(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenLoopSchedule(rate, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Constructor_NoDuration_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenLoopSchedule(10, TimeSpan.Zero));
    }
}
