using System.Collections.Immutable;

namespace AriaPro.Grains.Interfaces.Monitoring;

/// <summary>
/// One alert as the alert manager keeps it: opened when its condition first fires, refreshed
/// while it keeps firing (<see cref="Occurrences"/>, <see cref="Value"/>, <see cref="LastSeenAt"/>),
/// closed when it resolves. Published on <c>system_alert</c> and handed to the notifiers on
/// every transition.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.Alert")]
public sealed record Alert(
    [property: Id(0)] string Id,
    [property: Id(1)] string Key,
    [property: Id(2)] string RuleId,
    [property: Id(3)] string Summary,
    [property: Id(4)] AlertSeverity Severity,
    [property: Id(5)] AlertState State,
    [property: Id(6)] string Metric,
    [property: Id(7)] ImmutableDictionary<string, string> Labels,
    [property: Id(8)] double Value,
    [property: Id(9)] double? Threshold,
    [property: Id(10)] double? ExpectedLow,
    [property: Id(11)] double? ExpectedHigh,
    [property: Id(12)] string Detector,
    [property: Id(13)] DateTimeOffset FiredAt,
    [property: Id(14)] DateTimeOffset LastSeenAt,
    [property: Id(15)] DateTimeOffset? ResolvedAt,
    [property: Id(16)] DateTimeOffset? AcknowledgedAt,
    [property: Id(17)] string? AcknowledgedBy,
    [property: Id(18)] int Occurrences,
    [property: Id(19)] bool Notified);
