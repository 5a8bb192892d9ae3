using System.Collections.Immutable;
using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Silo.Tests.Monitoring.Notifications;

/// <summary>Alerts as the alert manager hands them to the notifier.</summary>
public static class TestAlerts
{
    public static readonly DateTimeOffset FiredAt = new(2026, 11, 26, 0, 15, 0, TimeSpan.Zero);

    public static Alert Firing(string id = "alert-1", AlertSeverity severity = AlertSeverity.Critical) => new(
        Id: id,
        Key: "breaker.open|symbol=EURUSD",
        RuleId: "breaker.open",
        Summary: "Circuit breaker open: EURUSD",
        Severity: severity,
        State: AlertState.Firing,
        Metric: "aria_breaker_open",
        Labels: ImmutableDictionary<string, string>.Empty.Add("symbol", "EURUSD").Add("venue", "paper"),
        Value: 3.25,
        Threshold: 1.5,
        ExpectedLow: null,
        ExpectedHigh: null,
        Detector: "threshold",
        FiredAt: FiredAt,
        LastSeenAt: FiredAt.AddSeconds(30),
        ResolvedAt: null,
        AcknowledgedAt: null,
        AcknowledgedBy: null,
        Occurrences: 2,
        Notified: false);

    public static Alert Resolved(string id = "alert-1") => Firing(id) with
    {
        State = AlertState.Resolved,
        ResolvedAt = FiredAt.AddMinutes(5),
        Value = 0.5,
    };

    public static Alert Anomaly(string id = "alert-2") => Firing(id, AlertSeverity.Warning) with
    {
        RuleId = "latency.anomaly",
        Summary = "Order latency anomaly",
        Threshold = null,
        ExpectedLow = 0.25,
        ExpectedHigh = 2.5,
        Detector = "ewma",
    };
}
