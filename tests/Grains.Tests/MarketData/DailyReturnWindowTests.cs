using AriaPro.Grains.MarketData;

namespace AriaPro.Grains.Tests.MarketData;

[Trait("Category", "Unit")]
public sealed class DailyReturnWindowTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_ADayCompletesWhenALaterDaysBarArrives_ItsReturnIsLastCloseOverThePreviousDaysLastClose()
    {
        var window = new DailyReturnWindow(10);
        var state = new DailyReturnsState();

        Assert.False(window.Observe(state, Monday.AddHours(9), 1.00m));
        Assert.False(window.Observe(state, Monday.AddHours(23), 1.10m));
        Assert.False(window.Observe(state, Monday.AddDays(1).AddHours(1), 1.20m)); // Monday complete, but no day before it
        Assert.False(window.Observe(state, Monday.AddDays(1).AddHours(22), 1.21m));
        Assert.True(window.Observe(state, Monday.AddDays(2), 1.30m));

        Assert.Equal(1.21 / 1.10 - 1.0, Assert.Single(state.Returns), 15);
        Assert.Equal(DateOnly.FromDateTime(Monday.AddDays(1).UtcDateTime), state.LastDay);
        Assert.Equal(1, state.ObservedDays);
    }

    [Fact]
    public void Observe_BarsOfAnEarlierDay_ChangeNothing_SoAReplayStartedAgainNeverCountsADayTwice()
    {
        var window = new DailyReturnWindow(10);
        var state = new DailyReturnsState();
        for (var day = 0; day < 4; day++)
        {
            window.Observe(state, Monday.AddDays(day), 1m + day / 100m);
        }

        var returns = state.Returns.ToList();
        for (var day = 0; day < 4; day++)
        {
            Assert.False(window.Observe(state, Monday.AddDays(day), 5m));
        }

        Assert.Equal(returns, state.Returns);
        Assert.Equal(5m, state.DayClose); // the day being observed takes the new close
    }

    [Fact]
    public void Observe_BeyondCapacity_DropsTheOldestDays()
    {
        var window = new DailyReturnWindow(3);
        var state = new DailyReturnsState();
        decimal[] closes = [100m, 101m, 99m, 102m, 103m, 101m, 104m];
        for (var day = 0; day < closes.Length; day++)
        {
            window.Observe(state, Monday.AddDays(day), closes[day]);
        }

        // Days 0..5 are complete (day 6 is being observed); returns of days 1..5, the last three kept.
        Assert.Equal([102.0 / 99 - 1, 103.0 / 102 - 1, 101.0 / 103 - 1], state.Returns.ToArray(), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Seed_KeepsTheNewestCapacityReturns_AndTheFeedsDaysFollowThem()
    {
        var window = new DailyReturnWindow(3);
        var state = new DailyReturnsState();

        window.Seed(state, [0.01, 0.02, 0.03, 0.04], DateOnly.FromDateTime(Monday.AddDays(-1).UtcDateTime), "history");
        window.Observe(state, Monday, 1.0m);
        window.Observe(state, Monday.AddDays(1), 1.1m);
        window.Observe(state, Monday.AddDays(2), 1.21m);

        Assert.Equal([0.03, 0.04, 1.1 / 1.0 - 1.0], state.Returns.ToArray(), new ToleranceComparer(1e-15));
        Assert.Equal("history", state.Source);
        Assert.False(DailyReturnWindow.IsEmpty(state));
        Assert.True(DailyReturnWindow.IsEmpty(new DailyReturnsState()));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
