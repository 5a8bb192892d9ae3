namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>The latest fused signal for a symbol, who contributed to it, and what the auto-trader did with it.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.SignalView")]
public sealed record SignalView(
    [property: Id(0)] string Symbol,
    [property: Id(1)] double Score,
    [property: Id(2)] decimal TargetPosition,
    [property: Id(3)] decimal PositionBefore,
    [property: Id(4)] string? ClientOrderId,
    [property: Id(5)] string Action,
    [property: Id(6)] DateTimeOffset Time,
    [property: Id(7)] double ProbabilityUp,
    [property: Id(8)] string Direction,
    [property: Id(9)] IReadOnlyList<SignalContribution> Contributions,
    [property: Id(10)] double AnalysisIntervalSeconds);
