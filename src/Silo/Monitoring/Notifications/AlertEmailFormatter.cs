using System.Globalization;
using System.Text;
using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>The subject and plain-text body of an alert e-mail.</summary>
public static class AlertEmailFormatter
{
    /// <summary>E.g. <c>[AriaPro] FIRING critical: Circuit breaker open: EURUSD</c>.</summary>
    public static string Subject(Alert alert) => $"[AriaPro] {Headline(alert)}";

    /// <summary>Every field of the alert, one per line.</summary>
    public static string Body(Alert alert)
    {
        var body = new StringBuilder();
        body.AppendLine(Headline(alert)).AppendLine();
        Line(body, "Rule", alert.RuleId);
        Line(body, "Metric", alert.Metric);
        Line(body, "Value", Number(alert.Value));
        if (alert.Threshold is { } threshold)
        {
            Line(body, "Threshold", Number(threshold));
        }

        if (alert.ExpectedLow is not null || alert.ExpectedHigh is not null)
        {
            Line(body, "Expected", $"{Bound(alert.ExpectedLow)} .. {Bound(alert.ExpectedHigh)}");
        }

        Line(body, "Detector", alert.Detector);
        Line(body, "Labels", Labels(alert.Labels));
        Line(body, "Fired at", Time(alert.FiredAt));
        Line(body, "Last seen", Time(alert.LastSeenAt));
        if (alert.ResolvedAt is { } resolved)
        {
            Line(body, "Resolved at", Time(resolved));
        }

        if (alert.AcknowledgedAt is { } acknowledged)
        {
            Line(body, "Acknowledged", $"{Time(acknowledged)} by {alert.AcknowledgedBy ?? "unknown"}");
        }

        Line(body, "Occurrences", alert.Occurrences.ToString(CultureInfo.InvariantCulture));
        Line(body, "Alert id", alert.Id);
        Line(body, "Key", alert.Key);
        return body.ToString();
    }

    /// <summary>Labels as <c>name=value, name=value</c>, sorted by name; <c>none</c> when there are none.</summary>
    public static string Labels(IReadOnlyDictionary<string, string> labels) => labels.Count == 0
        ? "none"
        : string.Join(", ", labels.OrderBy(label => label.Key, StringComparer.Ordinal).Select(label => $"{label.Key}={label.Value}"));

    /// <summary>A number as the log and the e-mail show it (invariant culture, round-trippable).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Headline(Alert alert) =>
        $"{(alert.State == AlertState.Firing ? "FIRING" : "RESOLVED")} {alert.Severity.ToString().ToLowerInvariant()}: {alert.Summary}";

    private static string Bound(double? bound) => bound is { } value ? Number(value) : "unbounded";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder body, string name, string value) =>
        body.Append(CultureInfo.InvariantCulture, $"{name + ":",-14}").AppendLine(value);
}
