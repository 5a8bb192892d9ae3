namespace AriaPro.Core.Monitoring.Series;

/// <summary>One step of a queried series: the buckets of <c>[Time, Time + step)</c> merged.</summary>
/// <param name="Time">Start of the step (UTC).</param>
/// <param name="Count">Values recorded.</param>
/// <param name="Sum">Sum of the values.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="Last">The value recorded last.</param>
/// <param name="Avg">Sum over count.</param>
/// <param name="Rate">For counters, the sum per second of the step; null for other kinds.</param>
/// <param name="Value">The number the kind reads as: sum for counters, last for gauges, average for histograms.</param>
public sealed record MetricPoint(
    DateTimeOffset Time,
    long Count,
    double Sum,
    double Min,
    double Max,
    double Last,
    double Avg,
    double? Rate,
    double Value);
