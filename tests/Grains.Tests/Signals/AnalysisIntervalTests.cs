using AriaPro.Grains.MarketData;
using AriaPro.Grains.Signals;

namespace AriaPro.Grains.Tests.Signals;

[Trait("Category", "Unit")]
public sealed class AnalysisIntervalTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1.0, 60.0)]
    [InlineData(2.0, 30.0)]
    [InlineData(0.5, 120.0)]
    [InlineData(10.0, 15.0)]
    [InlineData(0.01, 240.0)]
    [InlineData(double.NaN, 60.0)]
    [InlineData(0.0, 60.0)]
    public void Compute_Activity_InverseWithinQuarterAndFourTimesBase(double activity, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), AnalysisInterval.Compute(Base, activity));

    [Fact]
    public void Compute_SyntheticMarket_ShorterWhenTurbulentLongerWhenCalm()
    {
        var options = new MarketDataOptions();
        var feed = SyntheticFeed.Create("EURUSD", options, new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        var window = new List<FeedBar>();
        var turbulent = new List<TimeSpan>();
        var calm = new List<TimeSpan>();
        for (var i = 0; i < 20_000; i++)
        {
            window.Add(feed.Next()!);
            if (window.Count > options.LongVolatilityBars)
            {
                window.RemoveAt(0);
            }

            if (window.Count < options.LongVolatilityBars)
            {
                continue;
            }

            var recent = window.TakeLast(options.ShortVolatilityBars).ToList();
            var ratio = RealizedVolatility.Snapshot(window.Select(b => b.Bar.Close).ToList(), options.ShortVolatilityBars, options.LongVolatilityBars).Ratio;
            if (recent.All(b => b.Turbulent))
            {
                turbulent.Add(AnalysisInterval.Compute(Base, ratio));
            }
            else if (recent.All(b => !b.Turbulent) && window.Any(b => b.Turbulent))
            {
                calm.Add(AnalysisInterval.Compute(Base, ratio));
            }
        }

        Assert.NotEmpty(turbulent);
        Assert.NotEmpty(calm);
        Assert.True(Median(turbulent) < Base, $"turbulent median {Median(turbulent)}");
        Assert.True(Median(calm) > Base, $"calm median {Median(calm)}");
        Assert.All(turbulent.Concat(calm), t => Assert.InRange(t, Base / 4, Base * 4));
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);
}
