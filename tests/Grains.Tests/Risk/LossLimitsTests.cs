using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

[Trait("Category", "Unit")]
public sealed class LossLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void View_MeasuresTheDailyLossFromTheLastCloseAndTheDrawdownFromThePeak()
    {
        var options = new RiskOptions { AccountCapital = 1_000_000m, MaxDailyLoss = 0.03, MaxDrawdown = 0.1 };
        var state = new RiskState { LastCloseEquity = 1_100_000m, PeakEquity = 1_200_000m };

        var limits = LossLimits.View(options, state, 1_045_000m);

        Assert.Equal(55_000.0 / 1_100_000.0, limits.DailyLoss, 15);
        Assert.Equal(155_000.0 / 1_200_000.0, limits.Drawdown, 15);
        Assert.Equal((1_100_000m, 1_200_000m), (limits.DayStartEquity, limits.PeakEquity));
    }

    [Fact]
    public void View_AGain_IsNoLoss_AndANewHighIsThePeak()
    {
        var limits = LossLimits.View(new RiskOptions { AccountCapital = 1_000_000m }, new RiskState { PeakEquity = 1_010_000m }, 1_020_000m);

        Assert.Equal(0.0, limits.DailyLoss);
        Assert.Equal(0.0, limits.Drawdown);
        Assert.Equal(1_020_000m, limits.PeakEquity);
        Assert.Equal(1_000_000m, limits.DayStartEquity); // no close yet: the capital
    }

    [Fact]
    public void Breach_TheDailyLossAtItsLimit_TripsNamingTheVariableAndTheFigures()
    {
        var options = new RiskOptions { AccountCapital = 1_000_000m, MaxDailyLoss = 0.02 };

        var trip = LossLimits.Breach(LossLimits.View(options, new RiskState(), 980_000m), Now, "USD");

        Assert.NotNull(trip);
        Assert.Equal(("ARIA_RISK_MAX_DAILY_LOSS", 0.02, 0.02, Now), (trip.Limit, trip.Value, trip.Threshold, trip.At));
        Assert.Equal("the daily loss of 2% of the day's starting equity 1,000,000.00 USD reached ARIA_RISK_MAX_DAILY_LOSS 2%", trip.Reason);
    }

    [Fact]
    public void Breach_TheDrawdownPastItsLimit_Trips_ButNotWhenOff_NotBelowTheLimit_AndNotTwice()
    {
        var state = new RiskState { PeakEquity = 1_250_000m, LastCloseEquity = 1_100_000m };
        var on = new RiskOptions { MaxDrawdown = 0.1 };

        var trip = LossLimits.Breach(LossLimits.View(on, state, 1_100_000m), Now, "USD");
        var off = LossLimits.Breach(LossLimits.View(new RiskOptions(), state, 1_100_000m), Now, "USD");
        var below = LossLimits.Breach(LossLimits.View(on, state, 1_130_000m), Now, "USD");
        state.KillSwitch = trip;
        var twice = LossLimits.Breach(LossLimits.View(on, state, 1_000_000m), Now, "USD");

        Assert.Equal("ARIA_RISK_MAX_DRAWDOWN", trip!.Limit);
        Assert.Equal(0.12, trip.Value, 15);
        Assert.StartsWith("the drawdown of 12% from the highest equity 1,250,000.00 USD", trip.Reason);
        Assert.Null(off);
        Assert.Null(below);
        Assert.Null(twice);
    }
}
