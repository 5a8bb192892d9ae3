namespace AriaPro.Load.Running;

/// <summary>What a measured step offered.</summary>
public enum StepKind
{
    /// <summary>Closed loop at the concurrency cap: each worker sends its next call when the last one answers; the achieved rate is the saturation throughput.</summary>
    Saturation,

    /// <summary>Open loop at a fixed rate: sends at intended times, latency from the intended time.</summary>
    FixedRate,
}
