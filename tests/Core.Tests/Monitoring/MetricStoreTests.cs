using System.Collections.Immutable;
using AriaPro.Core.Monitoring.Series;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Core.Tests.Monitoring;

[Trait("Category", "Unit")]
public sealed class MetricStoreTests
{
    internal static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void GetOrAdd_SameNameAndLabelsInAnyOrder_ReturnsTheSameSeries()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);

        var first = store.GetOrAdd("aria.orders.denied", MetricKind.Counter, Labels(("symbol", "EURUSD"), ("reason", "limit")));
        var second = store.GetOrAdd("aria.orders.denied", MetricKind.Counter, Labels(("reason", "limit"), ("symbol", "EURUSD")));
        var other = store.GetOrAdd("aria.orders.denied", MetricKind.Counter, Labels(("symbol", "GBPUSD"), ("reason", "limit")));

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        Assert.Equal("{reason=limit,symbol=EURUSD}", first.LabelText);
        Assert.Equal(2, store.Find("aria.orders.denied").Count);
        Assert.Contains("aria.orders.denied", store.Names);
    }

    [Fact]
    public void GetOrAdd_PastMaxSeries_ReturnsTheOverflowSeriesThatCountsPoints()
    {
        var store = new MetricStore(new MetricStoreOptions { MaxSeries = 2 }, _time);
        store.GetOrAdd("a", MetricKind.Gauge, Labels());
        store.GetOrAdd("b", MetricKind.Gauge, Labels());

        var third = store.GetOrAdd("c", MetricKind.Gauge, Labels());
        var fourth = store.GetOrAdd("d", MetricKind.Histogram, Labels());
        store.Record(third, 123.0);
        store.Record(fourth, 456.0);

        Assert.Same(third, fourth);
        Assert.Equal(MetricStore.OverflowName, third.Name);
        Assert.Equal(2, store.DroppedSeries);
        Assert.Equal(2.0, store.Aggregate(third, Aggregation.Sum, TimeSpan.FromSeconds(1), _time.GetUtcNow()));
        Assert.Equal(3, store.Series.Count);
    }

    [Fact]
    public void GetOrAdd_ExistingSeriesOfAnotherKind_Throws()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);
        store.GetOrAdd("aria.process.cpu", MetricKind.Gauge, Labels());

        Assert.Throws<ArgumentException>(() => store.GetOrAdd("aria.process.cpu", MetricKind.Counter, Labels()));
    }

    [Fact]
    public void Record_NaNOrInfinity_IsCountedNotRecorded()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);
        var series = store.GetOrAdd("g", MetricKind.Gauge, Labels());
        store.Record(series, 1.0);

        store.Record(series, double.NaN);
        store.Record(series, double.NegativeInfinity);

        Assert.Equal(2, store.RejectedPoints);
        Assert.Equal(1.0, series.Latest);
        Assert.Equal(1.0, store.Aggregate(series, Aggregation.Count, TimeSpan.FromSeconds(10), _time.GetUtcNow()));
    }

    [Fact]
    public void Record_OlderThanTheCurrentSecond_FoldsIntoTheCurrentSecond()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);
        var series = store.GetOrAdd("h", MetricKind.Histogram, Labels());
        store.Record(series, 1.0, Start.AddSeconds(10));

        store.Record(series, 3.0, Start.AddSeconds(2));

        var result = store.Query("h", Start, Start.AddSeconds(20), TimeSpan.FromSeconds(1));
        var point = Assert.Single(Assert.Single(result.Series).Points);
        Assert.Equal(Start.AddSeconds(10), point.Time);
        Assert.Equal(2, point.Count);
        Assert.Equal(2.0, point.Avg);
        Assert.Equal(Start.AddSeconds(10), series.LatestTime);
    }

    [Fact]
    public void Aggregate_CounterRate_IsTheSumPerSecondOfTheWindow()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);
        var series = store.GetOrAdd("c", MetricKind.Counter, Labels());
        for (var second = 0; second < 20; second++)
        {
            store.Record(series, 3.0, Start.AddSeconds(second));
        }

        var now = Start.AddSeconds(19.5);

        Assert.Equal(3.0, store.Aggregate(series, Aggregation.Rate, TimeSpan.FromSeconds(10), now));
        Assert.Equal(30.0, store.Aggregate(series, Aggregation.Sum, TimeSpan.FromSeconds(10), now));
        Assert.Equal(10.0, store.Aggregate(series, Aggregation.Count, TimeSpan.FromSeconds(10), now));
    }

    [Fact]
    public void Aggregate_Histogram_ReadsAvgMinMaxLast()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);
        var series = store.GetOrAdd("h", MetricKind.Histogram, Labels());
        foreach (var (value, second) in new[] { (0.2, 0), (0.6, 1), (0.1, 2), (0.3, 2) })
        {
            store.Record(series, value, Start.AddSeconds(second));
        }

        var now = Start.AddSeconds(2);
        var window = TimeSpan.FromMinutes(1);

        Assert.Equal(0.3, store.Aggregate(series, Aggregation.Avg, window, now)!.Value, 12);
        Assert.Equal(0.1, store.Aggregate(series, Aggregation.Min, window, now));
        Assert.Equal(0.6, store.Aggregate(series, Aggregation.Max, window, now));
        Assert.Equal(0.3, store.Aggregate(series, Aggregation.Last, window, now));
        Assert.Equal(0.3, store.Aggregate(series, Aggregation.Last, TimeSpan.Zero, now));
    }

    [Fact]
    public void Aggregate_EmptyWindow_IsNullForLevelsAndZeroForCounts()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);
        var series = store.GetOrAdd("c", MetricKind.Counter, Labels());
        store.Record(series, 5.0, Start);
        var later = Start.AddMinutes(5);

        Assert.Null(store.Aggregate(series, Aggregation.Avg, TimeSpan.FromMinutes(1), later));
        Assert.Null(store.Aggregate(series, Aggregation.Max, TimeSpan.FromMinutes(1), later));
        Assert.Equal(0.0, store.Aggregate(series, Aggregation.Rate, TimeSpan.FromMinutes(1), later));
        Assert.Equal(0.0, store.Aggregate(series, Aggregation.Count, TimeSpan.FromMinutes(1), later));
        Assert.Equal(5.0, store.Aggregate(series, Aggregation.Last, TimeSpan.Zero, later));
    }

    [Fact]
    public void Record_AfterTheSecondsRingWraps_OldBucketsReadAsEmpty()
    {
        var store = new MetricStore(new MetricStoreOptions { SecondsKept = 10 }, _time);
        var series = store.GetOrAdd("c", MetricKind.Counter, Labels());
        store.Record(series, 100.0, Start);

        store.Record(series, 1.0, Start.AddSeconds(10));

        Assert.Equal(1.0, store.Aggregate(series, Aggregation.Sum, TimeSpan.FromSeconds(10), Start.AddSeconds(10)));
        Assert.Equal(101.0, store.Aggregate(series, Aggregation.Sum, TimeSpan.FromMinutes(2), Start.AddSeconds(10)));
        Assert.Equal(10, series.Seconds.Capacity);
    }

    [Fact]
    public void Record_ManyConcurrentWriters_LosesNothing()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);
        var series = store.GetOrAdd("c", MetricKind.Counter, Labels());

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                store.Record(series, 1.0);
            }
        });

        Assert.Equal(400_000.0, store.Aggregate(series, Aggregation.Sum, TimeSpan.FromSeconds(1), _time.GetUtcNow()));
    }

    internal static ImmutableDictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToImmutableDictionary(l => l.Key, l => l.Value);
}
