namespace AriaPro.Core.Monitoring.Series;

public sealed partial class MetricStore
{
    /// <summary>Points a query returns per series at most; a finer step is raised to fit.</summary>
    public const int MaxQueryPoints = 10_000;

    /// <summary>The store's current time.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>
    /// The aggregation of <paramref name="series"/> over the <paramref name="window"/> that ends at
    /// <paramref name="now"/>: the last ceil(window / resolution) buckets of the finest ring that
    /// holds that many, the current (partial) bucket included. Rate divides by the window.
    /// A zero window means the latest value and only makes sense with <see cref="Aggregation.Last"/>.
    /// </summary>
    /// <returns>
    /// Null when there is no data for <see cref="Aggregation.Last"/>, <see cref="Aggregation.Avg"/>,
    /// <see cref="Aggregation.Min"/> and <see cref="Aggregation.Max"/>; count, sum and rate of an
    /// empty window are 0 (no events is zero events).
    /// </returns>
    public double? Aggregate(MetricSeries series, Aggregation aggregation, TimeSpan window, DateTimeOffset now)
    {
        if (window <= TimeSpan.Zero)
        {
            return aggregation == Aggregation.Last ? series.Latest : null;
        }

        var ring = RingFor(series, window);
        var count = (window.Ticks + ring.ResolutionTicks - 1) / ring.ResolutionTicks;
        var end = ring.StartOf(now.UtcTicks) + ring.ResolutionTicks;
        return Total(series, ring, end - count * ring.ResolutionTicks, end).Reduce(aggregation, series.Kind, window.TotalSeconds);
    }

    /// <summary>
    /// The aggregation of <paramref name="series"/> over the buckets that start in
    /// <c>[from, to)</c>, read from the finest ring that still holds <paramref name="from"/>.
    /// Rate divides by <c>to - from</c>. Nulls as for the window overload.
    /// </summary>
    public double? Aggregate(MetricSeries series, Aggregation aggregation, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return null;
        }

        var ring = RingCovering(series, from.UtcTicks, _time.GetUtcNow().UtcTicks);
        var start = ring.StartOf(from.UtcTicks);
        var end = ring.StartOf(to.UtcTicks - 1) + ring.ResolutionTicks;
        return Total(series, ring, start, end).Reduce(aggregation, series.Kind, (to - from).TotalSeconds);
    }

    /// <summary>
    /// Every series of <paramref name="name"/> from <paramref name="from"/> to <paramref name="to"/>
    /// (both inclusive, by bucket start) in steps of <paramref name="step"/>, read from the finest
    /// ring whose retention reaches back to <paramref name="from"/>.
    /// </summary>
    public MetricQueryResult Query(string name, DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var template = _overflow;
        var ring = RingCovering(template, from.UtcTicks, _time.GetUtcNow().UtcTicks);
        var resolution = ring.ResolutionTicks;
        var stepTicks = RoundUp(step.Ticks, resolution);
        var span = to.UtcTicks - from.UtcTicks;
        var raised = false;
        if (span / stepTicks + 2 > MaxQueryPoints)
        {
            stepTicks = RoundUp(span / (MaxQueryPoints - 2) + 1, resolution);
            raised = true;
        }

        var alignedFrom = from.UtcTicks - from.UtcTicks % stepTicks;
        var results = new List<MetricSeriesResult>();
        foreach (var series in Find(name))
        {
            results.Add(new MetricSeriesResult(series.Name, series.Kind, series.Labels, Points(series, SameRing(series, ring), alignedFrom, to.UtcTicks, stepTicks)));
        }

        return new MetricQueryResult(name, from, to, TimeSpan.FromTicks(stepTicks), ring.Resolution, raised, results);
    }

    private static List<MetricPoint> Points(MetricSeries series, MetricRing ring, long alignedFrom, long to, long stepTicks)
    {
        var last = ring.StartOf(to);
        var totals = new BucketTotal[(last - alignedFrom) / stepTicks + 1];
        lock (series.Gate)
        {
            var (first, end) = Held(series, ring, ring.StartOf(alignedFrom), last + ring.ResolutionTicks);
            for (var t = first; t < end; t += ring.ResolutionTicks)
            {
                if (ring.TryGet(t, out var bucket))
                {
                    totals[(t - alignedFrom) / stepTicks].Add(bucket);
                }
            }
        }

        var seconds = (double)stepTicks / TimeSpan.TicksPerSecond;
        var points = new List<MetricPoint>();
        for (var i = 0; i < totals.Length; i++)
        {
            ref readonly var total = ref totals[i];
            if (total.Count == 0)
            {
                continue;
            }

            var avg = total.Sum / total.Count;
            double? rate = series.Kind == MetricKind.Counter ? total.Sum / seconds : null;
            var value = series.Kind switch
            {
                MetricKind.Counter => total.Sum,
                MetricKind.Gauge => total.Last,
                _ => avg,
            };
            points.Add(new MetricPoint(new DateTimeOffset(alignedFrom + i * stepTicks, TimeSpan.Zero), total.Count, total.Sum, total.Min, total.Max, total.Last, avg, rate, value));
        }

        return points;
    }

    private static BucketTotal Total(MetricSeries series, MetricRing ring, long start, long end)
    {
        var total = default(BucketTotal);
        lock (series.Gate)
        {
            (start, end) = Held(series, ring, start, end);
            for (var t = start; t < end; t += ring.ResolutionTicks)
            {
                if (ring.TryGet(t, out var bucket))
                {
                    total.Add(bucket);
                }
            }
        }

        return total;
    }

    /// <summary>
    /// <c>[start, end)</c> cut to the buckets the ring can hold: never more than one lap, however
    /// wide the range, and nothing at all before the first point. Call under the series' lock.
    /// </summary>
    private static (long Start, long End) Held(MetricSeries series, MetricRing ring, long start, long end)
    {
        if (series.CurrentSecond == long.MinValue)
        {
            return (0, 0);
        }

        var newest = ring.StartOf(series.CurrentSecond);
        return (Math.Max(start, newest - (ring.Capacity - 1) * ring.ResolutionTicks), Math.Min(end, newest + ring.ResolutionTicks));
    }

    private static MetricRing RingFor(MetricSeries series, TimeSpan window)
    {
        if (window.Ticks <= series.Seconds.Retention.Ticks)
        {
            return series.Seconds;
        }

        return window.Ticks <= series.Minutes.Retention.Ticks ? series.Minutes : series.Hours;
    }

    private static MetricRing RingCovering(MetricSeries series, long fromTicks, long nowTicks)
    {
        if (fromTicks >= series.Seconds.OldestStart(nowTicks))
        {
            return series.Seconds;
        }

        return fromTicks >= series.Minutes.OldestStart(nowTicks) ? series.Minutes : series.Hours;
    }

    private static MetricRing SameRing(MetricSeries series, MetricRing template) =>
        template.ResolutionTicks == series.Seconds.ResolutionTicks ? series.Seconds
        : template.ResolutionTicks == series.Minutes.ResolutionTicks ? series.Minutes
        : series.Hours;

    private static long RoundUp(long ticks, long multiple) => Math.Max(1, (ticks + multiple - 1) / multiple) * multiple;
}
