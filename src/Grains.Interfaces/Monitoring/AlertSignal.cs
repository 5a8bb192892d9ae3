using System.Collections.Immutable;

namespace AriaPro.Grains.Interfaces.Monitoring;

/// <summary>
/// A condition that holds now, as one evaluator sees it: a threshold rule that has held for its
/// duration, an anomaly detector that fired, or an event (a breaker opening, a security
/// violation). <see cref="Key"/> names the condition (the rule id and the series' labels), so the
/// same condition reported twice, or by two silos, is one alert.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.AlertSignal")]
public sealed record AlertSignal(
    [property: Id(0)] string Key,
    [property: Id(1)] string RuleId,
    [property: Id(2)] string Summary,
    [property: Id(3)] AlertSeverity Severity,
    [property: Id(4)] string Metric,
    [property: Id(5)] ImmutableDictionary<string, string> Labels,
    [property: Id(6)] double Value,
    [property: Id(7)] double? Threshold,
    [property: Id(8)] double? ExpectedLow,
    [property: Id(9)] double? ExpectedHigh,
    [property: Id(10)] string Detector,
    [property: Id(11)] DateTimeOffset Time,
    [property: Id(12)] TimeSpan Cooldown);
