using System.Diagnostics.Metrics;
using AriaPro.Grains.Interfaces.Http;
using AriaPro.Grains.Monitoring;

namespace AriaPro.Silo.Monitoring;

/// <summary>
/// Samples the process: CPU, working set, GC heap and pauses, thread pool and free disk, and
/// publishes them as gauges on the AriaPro meter (<c>aria.process.cpu</c>, <c>aria.process.working_set</c>,
/// <c>aria.gc.heap</c>, <c>aria.gc.pause_ratio</c>, <c>aria.threadpool.queue</c>,
/// <c>aria.threadpool.threads</c>, <c>aria.disk.free</c>). A snapshot is taken at most once per
/// <see cref="MinimumInterval"/> however often it is read, so CPU and pause ratios are over a
/// meaningful interval.
/// </summary>
public sealed class ResourceMonitor
{
    /// <summary>The shortest interval between two samples.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly string _diskPath;
    private Sample _latest;

    /// <summary>Registers the gauges; <paramref name="diskPath"/> names the volume whose free space counts.</summary>
    public ResourceMonitor(IMeterFactory meters, TimeProvider time, string? diskPath = null)
    {
        _time = time;
        _diskPath = diskPath ?? AppContext.BaseDirectory;
        _latest = Take(null);
        var meter = meters.Create(AriaMetrics.MeterName);
        meter.CreateObservableGauge("aria.process.cpu", () => Current.CpuFraction, "1", "Process CPU use as a fraction of all cores");
        meter.CreateObservableGauge("aria.process.working_set", () => Current.WorkingSetBytes, "By", "Process working set");
        meter.CreateObservableGauge("aria.gc.heap", () => Current.GcHeapBytes, "By", "Managed heap size after the last collection");
        meter.CreateObservableGauge("aria.gc.pause_ratio", () => Current.GcPauseRatio, "1", "Fraction of wall time spent paused for GC since the previous sample");
        meter.CreateObservableGauge("aria.threadpool.queue", () => Current.ThreadPoolQueue, "{item}", "Work items waiting in the thread pool");
        meter.CreateObservableGauge("aria.threadpool.threads", () => Current.ThreadPoolThreads, "{thread}", "Thread pool threads");
        meter.CreateObservableGauge("aria.disk.free", ObserveDiskFree, "By", "Free space on the silo's volume");
    }

    /// <summary>The latest snapshot, taken now when the previous one is older than <see cref="MinimumInterval"/>.</summary>
    public ResourceSnapshot Current
    {
        get
        {
            var latest = Volatile.Read(ref _latest);
            if (_time.GetElapsedTime(latest.Timestamp) < MinimumInterval)
            {
                return latest.Snapshot;
            }

            var next = Take(latest);
            // Two readers may sample at once; either snapshot is right, keep the first one stored.
            return Interlocked.CompareExchange(ref _latest, next, latest) == latest ? next.Snapshot : Volatile.Read(ref _latest).Snapshot;
        }
    }

    private IEnumerable<Measurement<long>> ObserveDiskFree()
    {
        if (Current.DiskFreeBytes is { } free)
        {
            yield return new(free);
        }
    }

    private Sample Take(Sample? previous)
    {
        var timestamp = _time.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime.TotalSeconds;
        var pause = GC.GetTotalPauseDuration().TotalSeconds;
        var gc = GC.GetGCMemoryInfo();
        double cpuFraction = 0, pauseRatio = 0;
        if (previous is not null)
        {
            var wall = _time.GetElapsedTime(previous.Timestamp, timestamp).TotalSeconds;
            if (wall > 0)
            {
                cpuFraction = Math.Clamp((cpu - previous.Snapshot.CpuSecondsTotal) / (wall * Environment.ProcessorCount), 0, 1);
                pauseRatio = Math.Clamp((pause - previous.Snapshot.GcPauseSecondsTotal) / wall, 0, 1);
            }
        }

        var (free, total) = Disk();
        return new Sample(new ResourceSnapshot(
            _time.GetUtcNow(), Environment.ProcessorCount, cpuFraction, cpu, Environment.WorkingSet, gc.HeapSizeBytes,
            gc.TotalCommittedBytes, pauseRatio, pause, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount, _diskPath, free, total, gc.TotalAvailableMemoryBytes), timestamp);
    }

    // A volume that cannot be read (removed, no permission) has no figure rather than a made-up one.
    private (long? Free, long? Total) Disk()
    {
        try
        {
            var drive = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(_diskPath)) ?? "/");
            return (drive.AvailableFreeSpace, drive.TotalSize);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, null);
        }
    }

    // The wire snapshot with the stopwatch timestamp it was taken at, for the next one's rates.
    private sealed record Sample(ResourceSnapshot Snapshot, long Timestamp);
}
