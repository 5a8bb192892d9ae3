namespace AriaPro.Core.Monitoring.Series;

/// <summary>How much history each series of a <see cref="MetricStore"/> keeps, and how many series there may be.</summary>
public sealed class MetricStoreOptions
{
    /// <summary>One-second buckets kept per series.</summary>
    /// <value>The default value is 3600 (one hour).</value>
    public int SecondsKept { get; set; } = 3600;

    /// <summary>One-minute buckets kept per series.</summary>
    /// <value>The default value is 1440 (one day).</value>
    public int MinutesKept { get; set; } = 1440;

    /// <summary>One-hour buckets kept per series.</summary>
    /// <value>The default value is 720 (thirty days).</value>
    public int HoursKept { get; set; } = 720;

    /// <summary>Series the store holds at most; more go to the overflow series.</summary>
    /// <value>The default value is 10,000.</value>
    public int MaxSeries { get; set; } = 10_000;
}
