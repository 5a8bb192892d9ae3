using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Signals.Features;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// The test a model must pass before a reload puts it in the manifest: one prediction on synthetic
/// bars that answers a probability in 0..1. A graph that loads but throws, answers NaN or answers
/// out of range would otherwise only show up as failures in live trading.
/// </summary>
public static class ModelValidation
{
    /// <summary>Why <paramref name="model"/> fails the test, or null when it passes.</summary>
    public static string? Problem(ISignalModel model)
    {
        var bars = Bars(Math.Max(model.BarsNeeded, FeatureSet.BarsNeeded));
        ModelPrediction prediction;
        try
        {
            prediction = model.Predict(bars, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Whatever a model throws is its own fault: report it rather than fail the reload.
            return $"the test prediction threw {exception.GetType().Name}: {exception.Message}";
        }

        if (prediction.NotReady is { } reason)
        {
            return $"the test prediction on {bars.Count} bars was not ready: {reason}";
        }

        var p = prediction.ProbabilityUp;
        return double.IsFinite(p) && p is >= 0.0 and <= 1.0
            ? null
            : $"the test prediction's probability {p} is not a number in 0..1";
    }

    /// <summary>
    /// <paramref name="count"/> daily bars of a deterministic, gently oscillating market: every
    /// feature is defined, nothing is random, so a model answers the same on every silo.
    /// </summary>
    public static IReadOnlyList<Bar> Bars(int count)
    {
        var start = new DateTimeOffset(2000, 1, 3, 0, 0, 0, TimeSpan.Zero);
        var range = 0.002m;
        return Enumerable.Range(0, count).Select(i =>
        {
            var (open, close) = (Price(i), Price(i + 1));
            return new Bar(start.AddDays(i), open, Math.Max(open, close) + range, Math.Min(open, close) - range, close, 1000m);
        }).ToList();
    }

    private static decimal Price(int i) => Math.Round(1.2m + (decimal)(0.05 * Math.Sin(i / 7.0) + 0.01 * Math.Sin(i / 2.3)), 5);
}
