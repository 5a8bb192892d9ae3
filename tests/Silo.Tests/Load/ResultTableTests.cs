using AriaPro.Load.Reporting;
using AriaPro.Load.Running;
using HdrHistogram;

namespace AriaPro.Silo.Tests.Load;

[Trait("Category", "Unit")]
public sealed class ResultTableTests
{
    private static StepResult Step(StepKind kind, string label, double? offered, long succeeded, double seconds, LatencySummary? lag) =>
        new("orders", "orleans", kind, label, offered, 64, succeeded + 2, succeeded, 2,
            new Dictionary<string, ErrorKind> { ["Denied"] = new(2, "Denied") }, seconds, new LatencySummary(succeeded, 850, 1_900, 4_100, 12_345), lag,
            Usage: new((succeeded + 2) * 300e-6, (succeeded + 2) * 5 * 1024L, 7));

    [Fact]
    public void Row_FixedRateStep_ShowsRatesPercentilesErrorsAndSendLag()
    {
        var step = Step(StepKind.FixedRate, "50%", 10_000, 100_000, 10, new LatencySummary(100_002, 3, 40, 90, 200));

        var row = ResultTable.Row(step, ("noop-grain", 40_000, null), isBaseline: false);

        Assert.Equal("| orders | orleans | 50% | 10,000 | 10,000 | 850 | 1,900 | 4,100 | 12,345 | 2 | 40 | 300 | 5.0 | noop-grain | 40,000 | – |", row);
    }

    [Fact]
    public void Row_SaturationStep_ShowsClosedLoopAndTheRatioToItsBaseline()
    {
        var step = Step(StepKind.Saturation, "saturation", null, 200_000, 10, null);

        var row = ResultTable.Row(step, ("noop-grain", 40_000, 0.5), isBaseline: false);

        Assert.Equal("| orders | orleans | saturation | closed loop | 20,000 | 850 | 1,900 | 4,100 | 12,345 | 2 | – | 300 | 5.0 | noop-grain | 40,000 | 50% |", row);
    }

    [Fact]
    public void Row_Baseline_HasNoBaselineOfItsOwn()
    {
        var step = Step(StepKind.Saturation, "saturation", null, 10, 1, null) with { Operation = "noop-grain" };

        var row = ResultTable.Row(step, (null, null, null), isBaseline: true);

        Assert.EndsWith("| (baseline) | – | – |", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_OperationWithoutBaseline_LeavesTheComparisonEmpty()
    {
        var step = Step(StepKind.Saturation, "saturation", null, 10, 1, null) with { Operation = "metric-record", Mode = "in-process" };

        var row = ResultTable.Row(step, (null, null, null), isBaseline: false);

        Assert.EndsWith("| – | – | – |", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_EmptyHistogram_IsAllZero()
    {
        var summary = LatencySummary.Of(LatencySummary.NewHistogram());

        Assert.Equal(new LatencySummary(0, 0, 0, 0, 0), summary);
    }

    [Fact]
    public void Record_ValueBeyondAMinute_IsKeptAsAMinute()
    {
        var histogram = LatencySummary.NewHistogram();

        LatencySummary.Record(histogram, 5 * LatencySummary.HighestMicros);

        Assert.Equal(1, histogram.TotalCount);
        Assert.True(histogram.GetMaxValue() >= LatencySummary.HighestMicros);
    }
}
