namespace AriaPro.Grains.Interfaces.Http;

/// <summary>A silo's resources at one moment; rates (CPU, GC pause) are over the time since the previous snapshot.</summary>
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
    long TotalAvailableMemoryBytes);
