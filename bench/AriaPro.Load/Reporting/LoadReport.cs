using AriaPro.Load.Operations;
using AriaPro.Load.Running;

namespace AriaPro.Load.Reporting;

/// <summary>Everything a run measured, with what it ran against and how busy the machine was.</summary>
public sealed record LoadReport(
    string Target,
    LoadOptions Options,
    double[]? LoadAverageAtStart,
    double[]? LoadAverageAtEnd,
    int Processors,
    IReadOnlyList<LoadOperation> Operations,
    IReadOnlyList<StepResult> Steps)
{
    /// <summary>The saturation throughput of the operation named <paramref name="name"/>, if it was probed.</summary>
    public double? SaturationOf(string name) =>
        Steps.FirstOrDefault(s => s.Operation == name && s.Kind == StepKind.Saturation)?.Achieved;

    /// <summary>True when the row measures a platform baseline.</summary>
    public bool IsBaseline(StepResult step) => Operations.Any(o => o.Name == step.Operation && o.Mode == step.Mode && o.IsBaseline);

    /// <summary>The baseline the row's operation is compared with, and the ratio of their saturation throughputs.</summary>
    public (string? Baseline, double? BaselineRate, double? Ratio) Compare(StepResult step)
    {
        var baseline = Operations.FirstOrDefault(o => o.Name == step.Operation && o.Mode == step.Mode)?.Baseline;
        if (baseline is null)
        {
            return (null, null, null);
        }

        var baselineRate = SaturationOf(baseline);
        var own = step.Kind == StepKind.Saturation ? step.Achieved : (double?)null;
        var ratio = baselineRate is > 0 && own is { } o ? o / baselineRate : null;
        return (baseline, baselineRate, ratio);
    }
}
