using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Signals.Features;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// The feature row an ONNX model reads: <see cref="FeatureSet.Compute"/> with missing values
/// imputed. The trainer builds its rows with this too, so training and serving see the same numbers.
/// </summary>
public static class OnnxFeatures
{
    /// <summary>Value given to a feature that is NaN or infinite.</summary>
    public const float Missing = 0f;

    /// <summary>The named features of the latest bar, non-finite values replaced by <see cref="Missing"/>.</summary>
    public static float[] Compute(IReadOnlyList<Bar> bars, IReadOnlyList<string> names)
    {
        var values = FeatureSet.Compute(bars, names);

        // Impute with 0: a NaN makes the exported SDCA graph's Binarizer node fail the whole run,
        // where ML.NET would answer NaN. With enough bars only a flat market gives one (0/0 in the
        // ATR ratio), so the imputed value is rare; the trainer imputes the same way.
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                values[i] = Missing;
            }
        }

        return values;
    }
}
