namespace AriaPro.Silo.Monitoring;

/// <summary>This silo's resources at one moment; rates (CPU, GC pause) are over the time since the previous snapshot.</summary>
public sealed record ResourceSnapshot(
    DateTimeOffset Time,
    int ProcessorCount,
    double CpuFraction,
    double CpuSecondsTotal,
    long WorkingSetBytes,
    long GcHeapBytes,
    long GcCommittedBytes,
    double GcPauseRatio,
    double GcPauseSecondsTotal,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    long ThreadPoolQueue,
    int ThreadPoolThreads,
    string DiskPath,
    long? DiskFreeBytes,
    long? DiskTotalBytes,
    long TotalAvailableMemoryBytes)
{
    /// <summary>Stopwatch timestamp of the snapshot, for the next one's rates.</summary>
    internal long Timestamp { get; init; }
}
