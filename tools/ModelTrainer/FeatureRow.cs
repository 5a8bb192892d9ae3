namespace AriaPro.ModelTrainer;

/// <summary>One input row of the served model: the feature vector only (the ONNX graph's one input).</summary>
public sealed class FeatureRow
{
    /// <summary>Features in the sidecar's order; the vector size is set by <see cref="Schemas"/>.</summary>
    public float[] Features { get; set; } = [];
}
