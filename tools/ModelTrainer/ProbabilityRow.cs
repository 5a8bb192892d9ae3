namespace AriaPro.ModelTrainer;

/// <summary>ML.NET's calibrated output for one row.</summary>
public sealed class ProbabilityRow
{
    /// <summary>Probability that the next close is higher.</summary>
    public float Probability { get; set; }
}
