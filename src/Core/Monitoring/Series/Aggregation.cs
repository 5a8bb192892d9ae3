using System.Text.Json.Serialization;

namespace AriaPro.Core.Monitoring.Series;

/// <summary>How the buckets of a window reduce to one number.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Aggregation>))]
public enum Aggregation
{
    /// <summary>The last value recorded (in the window, or ever when the window is zero).</summary>
    Last,

    /// <summary>Sum of the values over their count.</summary>
    Avg,

    /// <summary>The smallest value.</summary>
    Min,

    /// <summary>The largest value.</summary>
    Max,

    /// <summary>The sum of the values.</summary>
    Sum,

    /// <summary>How many values were recorded.</summary>
    Count,

    /// <summary>Per second over the window: the sum for counters, the count for gauges and histograms.</summary>
    Rate,
}
