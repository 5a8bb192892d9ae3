namespace AriaPro.Core.Monitoring.Series;

/// <summary>The answer to <see cref="MetricStore.Query"/>: every series of one name over one range.</summary>
/// <param name="Name">The metric name asked for.</param>
/// <param name="From">Start of the range as asked.</param>
/// <param name="To">End of the range as asked.</param>
/// <param name="Step">The step used: the one asked for, rounded up to a multiple of the resolution, and raised when needed to keep the point count under <see cref="MetricStore.MaxQueryPoints"/>.</param>
/// <param name="Resolution">The resolution of the ring read (1 s, 1 min or 1 h): the finest whose retention reaches back to <paramref name="From"/>.</param>
/// <param name="StepRaised">Whether the step was raised above the (rounded) one asked for to cap the point count.</param>
/// <param name="Series">One entry per series of the name.</param>
public sealed record MetricQueryResult(
    string Name,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan Step,
    TimeSpan Resolution,
    bool StepRaised,
    IReadOnlyList<MetricSeriesResult> Series);
