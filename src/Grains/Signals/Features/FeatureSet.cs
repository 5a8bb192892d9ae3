using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.Signals.Features;

/// <summary>
/// The named features models read, computed from bars (oldest first) the same way for training
/// and for inference. Each feature uses only bars up to and including the last one.
/// </summary>
public static class FeatureSet
{
    /// <summary>Every feature name this class knows.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "ret_1", "ret_5", "ret_20", "rsi_14", "bollinger_z_20", "atr_ratio_14_50", "channel_position_20", "ma_gap_10_40",
    ];

    /// <summary>Bars needed to compute every feature.</summary>
    public const int BarsNeeded = 51;

    /// <summary>The named features of the latest bar; NaN for a feature without enough bars.</summary>
    public static float[] Compute(IReadOnlyList<Bar> bars, IReadOnlyList<string> names)
    {
        var closes = new double[bars.Count];
        for (var i = 0; i < bars.Count; i++)
        {
            closes[i] = (double)bars[i].Close;
        }

        var values = new float[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            values[i] = (float)Compute(bars, closes, names[i]);
        }

        return values;
    }

    private static double Compute(IReadOnlyList<Bar> bars, double[] closes, string name) => name switch
    {
        "ret_1" => Indicators.Return(closes, 1),
        "ret_5" => Indicators.Return(closes, 5),
        "ret_20" => Indicators.Return(closes, 20),
        "rsi_14" => Indicators.Rsi(closes, 14),
        "bollinger_z_20" => Indicators.BollingerZ(closes, 20),
        "atr_ratio_14_50" => Indicators.Atr(bars, 14) / Indicators.Atr(bars, 50),
        "channel_position_20" => Indicators.ChannelPosition(bars, 20),
        "ma_gap_10_40" => Indicators.MovingAverage(closes, 10) / Indicators.MovingAverage(closes, 40) - 1.0,
        _ => throw new ArgumentException($"unknown feature '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };
}
