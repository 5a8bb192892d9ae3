namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>The risk grain's answer to a <see cref="RiskCheck"/>; <see cref="Reason"/> carries the figures when denied.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.RiskDecision")]
public sealed record RiskDecision(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] string? Reason,
    [property: Id(2)] decimal VarBefore,
    [property: Id(3)] decimal VarAfter,
    [property: Id(4)] decimal Equity);
