using System.Collections.Concurrent;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Monitoring;

namespace AriaPro.Grains.Tests.Monitoring;

/// <summary>Keeps every alert the alert manager hands to its notifiers.</summary>
public sealed class RecordingAlertNotifier : IAlertNotifier
{
    private readonly ConcurrentQueue<Alert> _alerts = new();

    public void Notify(Alert alert) => _alerts.Enqueue(alert);

    /// <summary>The notifications of one rule, in order.</summary>
    public IReadOnlyList<Alert> Of(string ruleId) => _alerts.Where(a => a.RuleId == ruleId).ToList();
}
