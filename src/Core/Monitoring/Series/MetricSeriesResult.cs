using System.Collections.Immutable;

namespace AriaPro.Core.Monitoring.Series;

/// <summary>The points of one series of a query; steps without data are left out.</summary>
/// <param name="Name">The metric name.</param>
/// <param name="Kind">What the values mean.</param>
/// <param name="Labels">The series' labels.</param>
/// <param name="Points">The steps with data, oldest first.</param>
public sealed record MetricSeriesResult(
    string Name,
    MetricKind Kind,
    ImmutableDictionary<string, string> Labels,
    IReadOnlyList<MetricPoint> Points);
