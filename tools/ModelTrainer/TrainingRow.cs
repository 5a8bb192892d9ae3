namespace AriaPro.ModelTrainer;

/// <summary>One day: its features and whether the next close was higher.</summary>
public sealed class TrainingRow
{
    /// <summary>Features in the sidecar's order.</summary>
    public float[] Features { get; set; } = [];

    /// <summary>close[t+1] &gt; close[t].</summary>
    public bool Label { get; set; }
}
