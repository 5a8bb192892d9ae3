using System.Diagnostics;

namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>
/// Process CPU time over the last <see cref="Span"/> of wall time, divided by the cores, and the
/// thread pool's pending work items.
/// </summary>
public sealed class ProcessLoadSampler(TimeProvider time) : ILoadSampler
{
    /// <summary>How far back the CPU average reaches.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromSeconds(5);

    private readonly Queue<(DateTimeOffset At, TimeSpan Cpu)> _points = new();

    /// <inheritdoc />
    public LoadSample Sample()
    {
        var now = time.GetUtcNow();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        _points.Enqueue((now, cpu));
        while (_points.Count > 2 && now - _points.Peek().At > Span)
        {
            _points.Dequeue();
        }

        var (since, cpuThen) = _points.Peek();
        var wall = (now - since).TotalSeconds * Environment.ProcessorCount;
        var fraction = wall <= 0 ? 0 : Math.Clamp((cpu - cpuThen).TotalSeconds / wall, 0, 1);
        return new LoadSample(fraction, ThreadPool.PendingWorkItemCount);
    }
}
