namespace AriaPro.Grains.Signals.Models;

/// <summary>Mean reversion: a close far above its Bollinger band (z) or an overbought RSI says down, and the reverse.</summary>
public sealed class MeanReversionModel : BuiltInModel
{
    public override string Id => "mean-reversion";

    public override IReadOnlyList<string> Features { get; } = ["bollinger_z_20", "rsi_14"];

    protected override double Score(float[] features) => -0.8 * features[0] - (features[1] - 50.0) / 25.0;
}
