using System.Text.Json.Serialization;

namespace AriaPro.Core.Monitoring.Series;

/// <summary>What the values recorded into a series mean, and so how its buckets read.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricKind>))]
public enum MetricKind
{
    /// <summary>Each value is an increment: a bucket's value is the sum, its rate the sum per second.</summary>
    Counter,

    /// <summary>Each value is a level: a bucket's value is the last one recorded.</summary>
    Gauge,

    /// <summary>Each value is a sample: a bucket keeps count, sum, min and max, and reads as the average.</summary>
    Histogram,
}
