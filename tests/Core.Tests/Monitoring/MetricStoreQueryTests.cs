using AriaPro.Core.Monitoring.Series;
using Microsoft.Extensions.Time.Testing;
using static AriaPro.Core.Tests.Monitoring.MetricStoreTests;

namespace AriaPro.Core.Tests.Monitoring;

[Trait("Category", "Unit")]
public sealed class MetricStoreQueryTests
{
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Query_FiveSecondStep_MergesTheSecondsOfEachStep()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);
        var series = store.GetOrAdd("aria.orders.submitted", MetricKind.Counter, Labels(("symbol", "EURUSD")));
        for (var second = 0; second < 10; second++)
        {
            store.Record(series, second, Start.AddSeconds(second));
        }

        _time.Advance(TimeSpan.FromSeconds(10));

        var result = store.Query("aria.orders.submitted", Start, Start.AddSeconds(9), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(1), result.Resolution);
        Assert.Equal(TimeSpan.FromSeconds(5), result.Step);
        var points = Assert.Single(result.Series).Points;
        Assert.Equal([Start, Start.AddSeconds(5)], points.Select(p => p.Time));
        Assert.Equal([10.0, 35.0], points.Select(p => p.Sum));
        Assert.Equal([2.0, 7.0], points.Select(p => p.Rate!.Value));
        Assert.Equal([10.0, 35.0], points.Select(p => p.Value));
    }

    [Fact]
    public void Query_StepBetweenResolutions_RoundsUp()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);
        store.GetOrAdd("g", MetricKind.Gauge, Labels());

        var result = store.Query("g", Start, Start.AddMinutes(1), TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.FromSeconds(2), result.Step);
        Assert.False(result.StepRaised);
    }

    [Fact]
    public void Query_TooManyPoints_RaisesTheStepAndSaysSo()
    {
        var store = new MetricStore(new MetricStoreOptions { SecondsKept = 86_400 }, _time);
        var series = store.GetOrAdd("g", MetricKind.Gauge, Labels());
        _time.Advance(TimeSpan.FromHours(20));
        store.Record(series, 1.0);

        var result = store.Query("g", Start, _time.GetUtcNow(), TimeSpan.FromSeconds(1));

        Assert.True(result.StepRaised);
        Assert.Equal(TimeSpan.FromSeconds(8), result.Step);
        Assert.Single(Assert.Single(result.Series).Points);
    }

    [Fact]
    public void Query_FromBeyondTheSecondsRetention_ReadsTheMinuteRollUps()
    {
        var store = new MetricStore(new MetricStoreOptions { SecondsKept = 60 }, _time);
        var series = store.GetOrAdd("g", MetricKind.Gauge, Labels());
        for (var second = 0; second < 300; second++)
        {
            store.Record(series, second, Start.AddSeconds(second));
        }

        _time.Advance(TimeSpan.FromSeconds(299));

        var result = store.Query("g", Start, _time.GetUtcNow(), TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromMinutes(1), result.Resolution);
        Assert.Equal(TimeSpan.FromMinutes(1), result.Step);
        var points = Assert.Single(result.Series).Points;
        Assert.Equal([59.0, 119.0, 179.0, 239.0, 299.0], points.Select(p => p.Value));
        Assert.All(points, p => Assert.Equal(60, p.Count));
        Assert.All(points, p => Assert.Null(p.Rate));
    }

    [Fact]
    public void Query_Result_SerializesToPlainJson()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);
        var series = store.GetOrAdd("aria.order.latency", MetricKind.Histogram, Labels(("symbol", "EURUSD")));
        store.Record(series, 0.25);
        store.Record(series, 0.75);

        var json = System.Text.Json.JsonSerializer.Serialize(store.Query("aria.order.latency", Start, Start.AddSeconds(1), TimeSpan.FromSeconds(1)));

        Assert.Contains("\"Kind\":\"Histogram\"", json);
        Assert.Contains("\"Labels\":{\"symbol\":\"EURUSD\"}", json);
        Assert.Contains("\"Avg\":0.5", json);
        Assert.Contains("\"Rate\":null", json);
    }

    [Fact]
    public void Query_UnknownName_ReturnsNoSeries()
    {
        var store = new MetricStore(new MetricStoreOptions(), _time);

        var result = store.Query("nothing", Start, Start.AddMinutes(1), TimeSpan.FromSeconds(1));

        Assert.Empty(result.Series);
    }
}
