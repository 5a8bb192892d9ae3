namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// A model's answer: the probability (0..1) that the next bar closes higher, or why it cannot say
/// yet (too few bars). A non-finite probability is a failure, judged by the model grain.
/// </summary>
public sealed record ModelPrediction(double ProbabilityUp, string? NotReady = null)
{
    /// <summary>A model that lacks data says so instead of failing.</summary>
    public static ModelPrediction Waiting(string reason) => new(double.NaN, reason);

    /// <summary>Direction and strength in -1..1: 2p - 1.</summary>
    public double Score => 2.0 * ProbabilityUp - 1.0;
}
