namespace AriaPro.Core.Monitoring.Series;

/// <summary>Buckets merged: what a window or a query step knows.</summary>
internal struct BucketTotal
{
    public long Count;
    public double Sum;
    public double Min;
    public double Max;
    public double Last;

    public void Add(in MetricBucket bucket)
    {
        if (Count == 0)
        {
            Min = bucket.Min;
            Max = bucket.Max;
        }
        else
        {
            Min = Math.Min(Min, bucket.Min);
            Max = Math.Max(Max, bucket.Max);
        }

        Count += bucket.Count;
        Sum += bucket.Sum;
        Last = bucket.Last;
    }

    /// <summary>The aggregation of these buckets over <paramref name="seconds"/>, null when it needs data there is none of.</summary>
    public readonly double? Reduce(Aggregation aggregation, MetricKind kind, double seconds) => aggregation switch
    {
        Aggregation.Count => Count,
        Aggregation.Sum => Sum,
        Aggregation.Rate => seconds > 0 ? (kind == MetricKind.Counter ? Sum : Count) / seconds : null,
        _ when Count == 0 => null,
        Aggregation.Last => Last,
        Aggregation.Avg => Sum / Count,
        Aggregation.Min => Min,
        Aggregation.Max => Max,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, null),
    };
}
