using AriaPro.Core.Monitoring.Series;
using Microsoft.Extensions.Time.Testing;
using static AriaPro.Core.Tests.Monitoring.MetricStoreTests;

namespace AriaPro.Core.Tests.Monitoring;

[Trait("Category", "Unit")]
[Collection(nameof(MetricStoreMemoryTests))]
public sealed class MetricStoreMemoryTests
{
    private const int SeriesCount = 50;
    private const int PointsPerSecond = 1_000;
    private const long AllowedGrowth = 256 * 1024;

    [Fact]
    public void Record_AThousandPointsASecondForTwoSimulatedHours_MemoryIsFlatOnceTheFirstHourIsHeld()
    {
        var time = new FakeTimeProvider(Start);
        var options = new MetricStoreOptions();
        var store = new MetricStore(options, time);
        var series = Enumerable.Range(0, SeriesCount)
            .Select(i => store.GetOrAdd("aria.order.latency", MetricKind.Histogram, Labels(("symbol", $"S{i:00}"))))
            .ToArray();
        var random = new Random(42);
        var values = Enumerable.Range(0, PointsPerSecond).Select(_ => random.NextDouble()).ToArray();

        // The first hour writes every one-second slot: the seconds ring then holds all its pages.
        RecordSeconds(store, series, values, time, 0, 3600);
        var afterAnHour = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        RecordSeconds(store, series, values, time, 3600, 7200);
        var allocatedWhileRecording = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var atTheEnd = GC.GetTotalMemory(forceFullCollection: true);

        // The second hour makes only one more minutes page in each series (minutes 640 to 703 of the
        // day); beyond those pages, nothing may grow by more than the runtime's own noise.
        var newPages = SeriesCount * (long)MetricRing.PageSize * System.Runtime.CompilerServices.Unsafe.SizeOf<MetricBucket>();
        Assert.InRange(atTheEnd - afterAnHour, long.MinValue, newPages + AllowedGrowth);
        Assert.InRange(allocatedWhileRecording, 0, AllowedGrowth);
        Assert.All(series, s =>
        {
            Assert.Equal(options.SecondsKept, s.Seconds.AllocatedBuckets);
            Assert.Equal(3 * MetricRing.PageSize, s.Minutes.AllocatedBuckets); // minutes 540 to 659: pages 8, 9 and 10
            Assert.Equal(MetricRing.PageSize, s.Hours.AllocatedBuckets);
        });

        var result = store.Query("aria.order.latency", Start.AddHours(1), time.GetUtcNow(), TimeSpan.FromMinutes(1));

        Assert.Equal(SeriesCount, result.Series.Count);
        Assert.Equal(TimeSpan.FromMinutes(1), result.Resolution);
        Assert.All(result.Series, s =>
        {
            Assert.Equal(60, s.Points.Count);
            Assert.All(s.Points, p => Assert.Equal(60 * PointsPerSecond / SeriesCount, p.Count));
        });
    }

    [Fact]
    public void Record_TwoPointsHalfAnHourApart_HoldsOnlyThePagesTheyFellIn()
    {
        var time = new FakeTimeProvider(Start);
        var store = new MetricStore(new MetricStoreOptions(), time);
        var sparse = store.GetOrAdd("aria.orders.denied", MetricKind.Counter, Labels(("symbol", "GBPUSD"), ("reason", "limit")));

        store.Record(sparse, 1, Start.UtcTicks);
        store.Record(sparse, 1, Start.AddMinutes(30).UtcTicks);

        // Seconds slots 0 and 1,800 of the hour (two pages), minutes 540 and 570 of the day (one
        // page), one hour: 256 buckets held where 5,760 used to be made up front.
        Assert.Equal(2 * MetricRing.PageSize, sparse.Seconds.AllocatedBuckets);
        Assert.Equal(MetricRing.PageSize, sparse.Minutes.AllocatedBuckets);
        Assert.Equal(MetricRing.PageSize, sparse.Hours.AllocatedBuckets);
        time.Advance(TimeSpan.FromMinutes(31));
        var read = store.Query("aria.orders.denied", Start, time.GetUtcNow(), TimeSpan.FromMinutes(1));
        var points = Assert.Single(read.Series).Points;
        Assert.Equal([1L, 1L], points.Where(p => p.Count > 0).Select(p => p.Count));
        Assert.Equal([Start, Start.AddMinutes(30)], points.Where(p => p.Count > 0).Select(p => p.Time));
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
