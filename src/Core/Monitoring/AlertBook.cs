using System.Collections.Immutable;
using AriaPro.Grains.Interfaces.Monitoring;
using Microsoft.Extensions.Logging;

namespace AriaPro.Core.Monitoring;

/// <summary>
/// The cluster's alert lifecycle, with no I/O. Evaluators (one per silo) report the conditions
/// that hold; events raise conditions that resolve after a quiet spell. One condition (key) is one
/// alert however many silos report it, and it resolves when no live reporter reports it any more:
/// a reporter silent for <see cref="ReporterTimeout"/> is taken as gone, so the alerts of a dead
/// silo cannot fire forever. A condition notified within its rule's cooldown still opens
/// (everyone can see it) but is not notified again.
/// </summary>
public sealed partial class AlertBook(AlertBookState state, AlertHistory history, ILogger logger)
{
    /// <summary>Resolved alerts kept for <c>GET /monitoring/alerts</c>.</summary>
    public const int RecentKept = 200;

    /// <summary>A reporter silent this long is gone; what only it reported resolves.</summary>
    public static readonly TimeSpan ReporterTimeout = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger = logger;
    private readonly Dictionary<string, DateTimeOffset> _lastReport = new(StringComparer.Ordinal);
    private AlertEvents _events = new();

    private List<Alert> Recent => history.Recent;

    /// <summary>After a restart every stored reporter gets a full timeout before its conditions are taken as gone.</summary>
    public void Activated(DateTimeOffset now)
    {
        foreach (var reporter in state.Reported.Keys)
        {
            _lastReport[reporter] = now;
        }
    }

    /// <summary>The conditions <paramref name="reporter"/> sees firing now; those it no longer reports resolve unless held.</summary>
    public AlertEvents Report(string reporter, ImmutableArray<AlertSignal> firing, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(reporter);
        var events = Begin();
        _lastReport[reporter] = now;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signal in firing)
        {
            keys.Add(signal.Key);
            Open(signal, now);
        }

        var before = state.Reported.GetValueOrDefault(reporter);
        state.Reported[reporter] = keys;
        if (before is not null)
        {
            foreach (var key in before.Where(k => !keys.Contains(k)))
            {
                CloseUnlessHeld(key, now);
            }
        }

        events.NeedsWrite |= events.Changed.Count > 0 || before is null || !before.SetEquals(keys);
        return events;
    }

    /// <summary>An event's condition: firing now, resolving once it has been quiet for <paramref name="quietFor"/>.</summary>
    public (Alert Alert, AlertEvents Events) Raise(AlertSignal signal, TimeSpan quietFor, DateTimeOffset now)
    {
        var events = Begin();
        var alert = Open(signal, now);
        state.QuietUntil[signal.Key] = now + quietFor;
        events.NeedsWrite = true;
        return (alert, events);
    }

    /// <summary>Records who acknowledged a firing or resolved alert; null when no alert has the id.</summary>
    public (Alert? Alert, AlertEvents Events) Acknowledge(string id, string by, DateTimeOffset now)
    {
        var events = Begin();
        foreach (var (key, alert) in state.Active)
        {
            if (alert.Id == id)
            {
                var acknowledged = alert with { AcknowledgedAt = now, AcknowledgedBy = by };
                state.Active[key] = acknowledged;
                events.Changed.Add(acknowledged);
                events.NeedsWrite = true;
                LogAcknowledged(id, by);
                return (acknowledged, events);
            }
        }

        var index = Recent.FindLastIndex(a => a.Id == id);
        if (index < 0)
        {
            return (null, events);
        }

        var resolved = Recent[index] with { AcknowledgedAt = now, AcknowledgedBy = by };
        Recent[index] = resolved;
        events.Changed.Add(resolved);
        events.HistoryChanged = true;
        events.NeedsWrite = true;
        LogAcknowledged(id, by);
        return (resolved, events);
    }

    /// <summary>Drops past cooldowns, resolves quiet conditions and those only silent reporters held.</summary>
    public AlertEvents Sweep(DateTimeOffset now)
    {
        var events = Begin();
        foreach (var (key, _) in state.CoolingUntil.Where(c => c.Value <= now).ToList())
        {
            state.CoolingUntil.Remove(key);
        }

        foreach (var (key, _) in state.QuietUntil.Where(q => q.Value <= now).ToList())
        {
            state.QuietUntil.Remove(key);
            CloseUnlessHeld(key, now);
        }

        foreach (var (reporter, keys) in state.Reported.ToList())
        {
            if (!_lastReport.TryGetValue(reporter, out var last) || now - last >= ReporterTimeout)
            {
                state.Reported.Remove(reporter);
                _lastReport.Remove(reporter);
                LogReporterGone(reporter, keys.Count);
                foreach (var key in keys)
                {
                    CloseUnlessHeld(key, now);
                }
            }
        }

        events.NeedsWrite = events.Changed.Count > 0;
        return events;
    }

    /// <summary>Firing alerts, newest first, and the history, newest first.</summary>
    public AlertsView View() => new(
        state.Active.Values.OrderByDescending(a => a.FiredAt).ToList(),
        Enumerable.Reverse(Recent).ToList());

    private AlertEvents Begin() => _events = new AlertEvents();

    // Opens the condition's alert, or refreshes the one already firing (in memory only: a newer
    // value is not worth a write every second; it is written with the next change).
    private Alert Open(AlertSignal signal, DateTimeOffset now)
    {
        if (state.Active.TryGetValue(signal.Key, out var firing))
        {
            var refreshed = firing with
            {
                Value = signal.Value,
                ExpectedLow = signal.ExpectedLow,
                ExpectedHigh = signal.ExpectedHigh,
                LastSeenAt = now,
                Occurrences = state.QuietUntil.ContainsKey(signal.Key) ? firing.Occurrences + 1 : firing.Occurrences,
            };
            state.Active[signal.Key] = refreshed;
            return refreshed;
        }

        var notify = !state.CoolingUntil.TryGetValue(signal.Key, out var until) || now >= until;
        if (notify && signal.Cooldown > TimeSpan.Zero)
        {
            state.CoolingUntil[signal.Key] = now + signal.Cooldown;
        }

        var alert = new Alert(
            $"alert-{++state.Sequence}", signal.Key, signal.RuleId, signal.Summary, signal.Severity, AlertState.Firing,
            signal.Metric, signal.Labels, signal.Value, signal.Threshold, signal.ExpectedLow, signal.ExpectedHigh,
            signal.Detector, now, now, null, null, null, 1, notify);
        state.Active[signal.Key] = alert;
        _events.Changed.Add(alert);
        // A notified alert is logged by the notifier (its log channel); here only the silent ones.
        if (notify)
        {
            LogFiring(alert.Id, alert.RuleId, alert.Severity.ToString(), alert.Summary, alert.Value);
        }
        else
        {
            LogFiringInCooldown(alert.Id, alert.RuleId, alert.Summary, alert.Value);
        }

        return alert;
    }

    private void CloseUnlessHeld(string key, DateTimeOffset now)
    {
        var held = state.QuietUntil.ContainsKey(key) || state.Reported.Any(r => r.Value.Contains(key));
        if (!held && state.Active.Remove(key, out var alert))
        {
            var resolved = alert with { State = AlertState.Resolved, ResolvedAt = now };
            Recent.Add(resolved);
            if (Recent.Count > RecentKept)
            {
                Recent.RemoveRange(0, Recent.Count - RecentKept);
            }

            _events.HistoryChanged = true;
            _events.Changed.Add(resolved);
            LogResolved(resolved.Id, resolved.RuleId, resolved.Summary, resolved.Notified);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {AlertId} firing ({RuleId}, {Severity}): {Summary}; value {Value}")]
    private partial void LogFiring(string alertId, string ruleId, string severity, string summary, double value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} firing ({RuleId}): {Summary}; value {Value}; not notified, its rule's cooldown runs")]
    private partial void LogFiringInCooldown(string alertId, string ruleId, string summary, double value);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {AlertId} resolved ({RuleId}): {Summary}; notified: {Notified}")]
    private partial void LogResolved(string alertId, string ruleId, string summary, bool notified);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} acknowledged by {By}")]
    private partial void LogAcknowledged(string alertId, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert reporter {Reporter} has been silent too long; its {Count} condition(s) resolve unless another silo reports them")]
    private partial void LogReporterGone(string reporter, int count);
}
