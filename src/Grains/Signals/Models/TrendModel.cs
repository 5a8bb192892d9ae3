namespace AriaPro.Grains.Signals.Models;

/// <summary>Moving-average crossover: the fast (10) average above the slow (40) one says up, the more so the wider the gap.</summary>
public sealed class TrendModel : BuiltInModel
{
    public override string Id => "trend";

    public override IReadOnlyList<string> Features { get; } = ["ma_gap_10_40"];

    // The gap is a fraction of price; a 0.1% gap is a strong trend for FX, so scale by 1,000.
    protected override double Score(float[] features) => Math.Clamp(1_000.0 * features[0], -4.0, 4.0);
}
