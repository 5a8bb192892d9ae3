namespace AriaPro.Grains.Interfaces.Http;

/// <summary>One silo as the cluster's membership and its runtime statistics see it.</summary>
public sealed record SiloInfo(
    string Address, string Name, string Status, DateTimeOffset StartedAt, bool IsThisSilo,
    int? Activations, float? CpuPercent, long? MemoryBytes, bool? IsOverloaded);
