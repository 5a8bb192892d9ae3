namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>How busy the silo is.</summary>
/// <param name="Cpu">Process CPU over the last few seconds, 0..1 of all cores.</param>
/// <param name="QueueLength">Work items waiting in the thread pool.</param>
public readonly record struct LoadSample(double Cpu, long QueueLength);
