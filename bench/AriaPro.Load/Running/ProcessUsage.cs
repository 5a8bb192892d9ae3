using System.Diagnostics;

namespace AriaPro.Load.Running;

/// <summary>What this process has used so far, or (as a difference) during a step.</summary>
/// <param name="CpuSeconds">Processor time of every thread.</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap.</param>
/// <param name="Collections">Garbage collections of any generation.</param>
public readonly record struct ProcessUsage(double CpuSeconds, long AllocatedBytes, int Collections)
{
    /// <summary>The totals since the process started.</summary>
    public static ProcessUsage Now()
    {
        using var process = Process.GetCurrentProcess();
        return new(process.TotalProcessorTime.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));
    }

    public static ProcessUsage operator -(ProcessUsage end, ProcessUsage start) =>
        new(end.CpuSeconds - start.CpuSeconds, end.AllocatedBytes - start.AllocatedBytes, end.Collections - start.Collections);
}
