using AriaPro.Core.Monitoring.Series;
using Microsoft.Extensions.Time.Testing;
using static AriaPro.Silo.Tests.Monitoring.Core.MetricStoreTests;

namespace AriaPro.Silo.Tests.Monitoring.Core;

[Trait("Category", "Unit")]
[Collection(nameof(MetricStoreMemoryTests))]
public sealed class MetricStoreMemoryTests
{
    private const int SeriesCount = 50;
    private const int PointsPerSecond = 1_000;
    private const long AllowedGrowth = 256 * 1024;

    [Fact]
    public void Record_OneSimulatedHourAtAThousandPointsASecond_KeepsMemoryFlat()
    {
        var time = new FakeTimeProvider(Start);
        var options = new MetricStoreOptions();
        var store = new MetricStore(options, time);
        var series = Enumerable.Range(0, SeriesCount)
            .Select(i => store.GetOrAdd("aria.order.latency", MetricKind.Histogram, Labels(("symbol", $"S{i:00}"))))
            .ToArray();
        var random = new Random(42);
        var values = Enumerable.Range(0, PointsPerSecond).Select(_ => random.NextDouble()).ToArray();

        RecordSeconds(store, series, values, time, 0, 600);
        var afterTenMinutes = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        RecordSeconds(store, series, values, time, 600, 3600);
        var allocatedWhileRecording = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var atTheEnd = GC.GetTotalMemory(forceFullCollection: true);

        Assert.InRange(atTheEnd - afterTenMinutes, long.MinValue, AllowedGrowth);
        Assert.InRange(allocatedWhileRecording, 0, AllowedGrowth);
        Assert.All(series, s =>
        {
            Assert.Equal(options.SecondsKept, s.Seconds.Capacity);
            Assert.Equal(options.MinutesKept, s.Minutes.Capacity);
            Assert.Equal(options.HoursKept, s.Hours.Capacity);
        });

        var result = store.Query("aria.order.latency", Start, time.GetUtcNow(), TimeSpan.FromMinutes(1));

        Assert.Equal(SeriesCount, result.Series.Count);
        Assert.Equal(TimeSpan.FromMinutes(1), result.Resolution);
        Assert.All(result.Series, s =>
        {
            Assert.Equal(60, s.Points.Count);
            Assert.All(s.Points, p => Assert.Equal(60 * PointsPerSecond / SeriesCount, p.Count));
        });
    }

    private static void RecordSeconds(MetricStore store, MetricSeries[] series, double[] values, FakeTimeProvider time, int from, int to)
    {
        for (var second = from; second < to; second++)
        {
            var ticks = Start.AddSeconds(second).UtcTicks;
            for (var i = 0; i < values.Length; i++)
            {
                store.Record(series[i % series.Length], values[i], ticks + i * (TimeSpan.TicksPerSecond / values.Length));
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
