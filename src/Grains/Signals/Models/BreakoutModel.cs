namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// Volatility breakout: a close beyond the 20-bar channel says the move goes on, more strongly when
/// the short ATR has expanded over the long one; inside the channel it has no view.
/// </summary>
public sealed class BreakoutModel : BuiltInModel
{
    public override string Id => "breakout";

    public override IReadOnlyList<string> Features { get; } = ["channel_position_20", "atr_ratio_14_50"];

    protected override double Score(float[] features)
    {
        var position = features[0];
        var outside = position > 1.0 ? position - 1.0 : position < 0.0 ? position : 0.0;
        var expansion = double.IsFinite(features[1]) ? Math.Clamp(features[1], 0.5, 2.0) : 1.0;
        return Math.Clamp(6.0 * outside * expansion, -4.0, 4.0);
    }
}
