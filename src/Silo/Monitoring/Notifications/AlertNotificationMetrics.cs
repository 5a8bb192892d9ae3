using System.Diagnostics.Metrics;
using AriaPro.Grains.Monitoring;

namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>
/// <c>aria.alert.notifications</c> on the <c>AriaPro</c> meter: notifications by channel and outcome
/// (<c>delivered</c>, <c>failed</c>, <c>dropped</c> when the queue was full, <c>abandoned</c> at stop).
/// </summary>
internal sealed class AlertNotificationMetrics
{
    public const string InstrumentName = "aria.alert.notifications";

    private readonly Counter<long> _notifications;

    public AlertNotificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AriaMetrics.MeterName);
        _notifications = meter.CreateCounter<long>(InstrumentName, unit: "{notification}", description: "Alert notifications by channel and outcome");
    }

    public void Delivered(string channel) => Add(channel, "delivered");

    public void Failed(string channel) => Add(channel, "failed");

    public void Dropped(string channel) => Add(channel, "dropped");

    public void Abandoned(string channel) => Add(channel, "abandoned");

    private void Add(string channel, string outcome) =>
        _notifications.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));
}
