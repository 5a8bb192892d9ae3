using System.Globalization;
using System.Text.Json;
using AriaPro.Client.Http;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Cli.Commands;

/// <summary>One line about a live event, read into the record the silo published.</summary>
internal static class EventSummary
{
    /// <summary>What happened, in a few words.</summary>
    public static string Of(AriaEvent envelope) => envelope.Type switch
    {
        AriaStreams.CircuitBreaker when Read<CircuitBreakerEvent>(envelope) is { } e =>
            $"{e.Source} {e.Name}: {e.From} -> {e.To} ({e.Reason})",
        AriaStreams.Alerts when Read<Alert>(envelope) is { } a =>
            $"{a.State} {a.Severity}: {a.Summary} (alert {a.Id}, value {a.Value.ToString(CultureInfo.InvariantCulture)})",
        AriaStreams.SecurityEvents when Read<SecurityEvent>(envelope) is { } s =>
            $"{s.Type} by {s.Principal}{(s.Path is null ? string.Empty : $" {s.Method} {s.Path}")}: {s.Outcome}",
        AriaStreams.Orders when Read<OrderView>(envelope) is { } o =>
            $"{o.ClientOrderId} {o.Symbol} {o.Side} {o.Quantity.ToString(CultureInfo.InvariantCulture)} {o.Status}" +
            $" filled {o.FilledQuantity.ToString(CultureInfo.InvariantCulture)}{(o.Reason is null ? string.Empty : $" ({o.Reason})")}",
        AriaStreams.Performance when Read<PerformanceDigest>(envelope) is { } p =>
            $"{p.Silo}: {string.Join(", ", p.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value.ToString("0.###", CultureInfo.InvariantCulture)}"))}",
        _ => envelope.Data.GetRawText(),
    };

    private static T? Read<T>(AriaEvent envelope) where T : class => envelope.Data.Deserialize<T>(AriaJson.Options);
}
