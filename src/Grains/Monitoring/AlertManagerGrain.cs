using System.Collections.Immutable;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace AriaPro.Grains.Monitoring;

/// <summary>
/// The cluster's alerts. Evaluators (one per silo) report the conditions that hold, every few
/// seconds and at once when one starts; events raise conditions that resolve after a quiet spell.
/// One condition (key) is one alert however many silos report it, and it resolves when no live
/// reporter reports it any more: a reporter silent for <see cref="ReporterTimeout"/> is taken as
/// gone, so the alerts of a dead silo cannot fire forever. Every opening and closing is persisted,
/// then published on <c>system_alert</c> and handed to the notifiers; a condition notified within
/// its rule's cooldown still opens (everyone can see it) but is not notified again. The history
/// of resolved alerts is a state of its own, written within a second of a change (at once for an
/// acknowledgement): the write that must come before a notification stays as small as the set of
/// firing alerts, and a crash loses at most a second of history, never a firing alert.
/// </summary>
[GrainType("alert-manager")]
public sealed partial class AlertManagerGrain(
    [PersistentState("alerts", AriaStorage.Name)] IPersistentState<AlertManagerState> store,
    [PersistentState("alert-history", AriaStorage.Name)] IPersistentState<AlertHistoryState> history,
    IEnumerable<IAlertNotifier> notifiers,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<AlertManagerGrain> logger) : Grain, IAlertManagerGrain
{
    /// <summary>Resolved alerts kept for <c>GET /monitoring/alerts</c>.</summary>
    public const int RecentKept = 200;

    /// <summary>A reporter silent this long is gone; what only it reported resolves.</summary>
    public static readonly TimeSpan ReporterTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(1);
    private readonly IAlertNotifier[] _notifiers = [.. notifiers];
    private readonly ILogger<AlertManagerGrain> _logger = logger;
    private readonly Dictionary<string, DateTimeOffset> _lastReport = new(StringComparer.Ordinal);
    private readonly List<Alert> _changed = [];
    private bool _historyChanged;
    private Task _published = Task.CompletedTask;

    private AlertManagerState State => store.State;

    private List<Alert> Recent => history.State.Recent;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Reporters get a full timeout after a restart before their conditions are taken as gone.
        var now = time.GetUtcNow();
        foreach (var reporter in State.Reported.Keys)
        {
            _lastReport[reporter] = now;
        }

        this.RegisterGrainTimer(_ => Sweep(), new GrainTimerCreationOptions(SweepPeriod, SweepPeriod) { Interleave = false });
        return Task.CompletedTask;
    }

    public async Task Report(string reporter, ImmutableArray<AlertSignal> firing)
    {
        ArgumentException.ThrowIfNullOrEmpty(reporter);
        var now = time.GetUtcNow();
        _lastReport[reporter] = now;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signal in firing)
        {
            keys.Add(signal.Key);
            Open(signal, now);
        }

        var before = State.Reported.GetValueOrDefault(reporter);
        State.Reported[reporter] = keys;
        if (before is not null)
        {
            foreach (var key in before.Where(k => !keys.Contains(k)))
            {
                CloseUnlessHeld(key, now);
            }
        }

        if (_changed.Count > 0 || before is null || !before.SetEquals(keys))
        {
            await Commit();
        }
    }

    public async Task<Alert> Raise(AlertSignal signal, TimeSpan quietFor)
    {
        var now = time.GetUtcNow();
        var alert = Open(signal, now);
        State.QuietUntil[signal.Key] = now + quietFor;
        await Commit();
        return alert;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _published;
        if (_historyChanged)
        {
            await history.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<Alert?> Acknowledge(string id, string by)
    {
        // Through the gateway the guard's verified key id, never a name the client chose.
        by = CallCredentials.CallerOr(by);
        var now = time.GetUtcNow();
        foreach (var (key, alert) in State.Active)
        {
            if (alert.Id == id)
            {
                var acknowledged = alert with { AcknowledgedAt = now, AcknowledgedBy = by };
                State.Active[key] = acknowledged;
                _changed.Add(acknowledged);
                await Commit(notify: false);
                LogAcknowledged(id, by);
                return acknowledged;
            }
        }

        var index = Recent.FindLastIndex(a => a.Id == id);
        if (index < 0)
        {
            return null;
        }

        var resolved = Recent[index] with { AcknowledgedAt = now, AcknowledgedBy = by };
        Recent[index] = resolved;
        _historyChanged = true;
        await WriteHistory();
        _changed.Add(resolved);
        await Commit(notify: false);
        LogAcknowledged(id, by);
        return resolved;
    }

    public Task<AlertsView> GetAlerts() => Task.FromResult(new AlertsView(
        State.Active.Values.OrderByDescending(a => a.FiredAt).ToList(),
        Enumerable.Reverse(Recent).ToList()));

    // Opens the condition's alert, or refreshes the one already firing (in memory only: a newer
    // value is not worth a write every second; it is written with the next change).
    private Alert Open(AlertSignal signal, DateTimeOffset now)
    {
        if (State.Active.TryGetValue(signal.Key, out var firing))
        {
            var refreshed = firing with
            {
                Value = signal.Value,
                ExpectedLow = signal.ExpectedLow,
                ExpectedHigh = signal.ExpectedHigh,
                LastSeenAt = now,
                Occurrences = State.QuietUntil.ContainsKey(signal.Key) ? firing.Occurrences + 1 : firing.Occurrences,
            };
            State.Active[signal.Key] = refreshed;
            return refreshed;
        }

        var notify = !State.CoolingUntil.TryGetValue(signal.Key, out var until) || now >= until;
        if (notify && signal.Cooldown > TimeSpan.Zero)
        {
            State.CoolingUntil[signal.Key] = now + signal.Cooldown;
        }

        var alert = new Alert(
            $"alert-{++State.Sequence}", signal.Key, signal.RuleId, signal.Summary, signal.Severity, AlertState.Firing,
            signal.Metric, signal.Labels, signal.Value, signal.Threshold, signal.ExpectedLow, signal.ExpectedHigh,
            signal.Detector, now, now, null, null, null, 1, notify);
        State.Active[signal.Key] = alert;
        _changed.Add(alert);
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
        var held = State.QuietUntil.ContainsKey(key) || State.Reported.Any(r => r.Value.Contains(key));
        if (!held && State.Active.Remove(key, out var alert))
        {
            var resolved = alert with { State = AlertState.Resolved, ResolvedAt = now };
            Recent.Add(resolved);
            if (Recent.Count > RecentKept)
            {
                Recent.RemoveRange(0, Recent.Count - RecentKept);
            }

            _historyChanged = true;
            _changed.Add(resolved);
            LogResolved(resolved.Id, resolved.RuleId, resolved.Summary, resolved.Notified);
        }
    }

    private async Task Sweep()
    {
        var now = time.GetUtcNow();

        // Only conditions inside their cooldown are remembered: the state stays as small as that.
        foreach (var (key, _) in State.CoolingUntil.Where(c => c.Value <= now).ToList())
        {
            State.CoolingUntil.Remove(key);
        }

        foreach (var (key, until) in State.QuietUntil.Where(q => q.Value <= now).ToList())
        {
            State.QuietUntil.Remove(key);
            CloseUnlessHeld(key, now);
        }

        foreach (var (reporter, keys) in State.Reported.ToList())
        {
            if (!_lastReport.TryGetValue(reporter, out var last) || now - last >= ReporterTimeout)
            {
                State.Reported.Remove(reporter);
                _lastReport.Remove(reporter);
                LogReporterGone(reporter, keys.Count);
                foreach (var key in keys)
                {
                    CloseUnlessHeld(key, now);
                }
            }
        }

        if (_changed.Count > 0)
        {
            await Commit();
        }

        await WriteHistory();
    }

    private async Task WriteHistory()
    {
        if (_historyChanged)
        {
            await history.WriteOrRestartAsync(this);
            _historyChanged = false;
        }
    }

    // Persists, then tells: a notification or an event never describes state that could be lost.
    private async Task Commit(bool notify = true)
    {
        await store.WriteOrRestartAsync(this);
        if (_changed.Count == 0)
        {
            return;
        }

        var changed = _changed.ToList();
        _changed.Clear();
        if (notify)
        {
            foreach (var alert in changed.Where(a => a.Notified))
            {
                foreach (var notifier in _notifiers)
                {
                    notifier.Notify(alert);
                }
            }
        }

        // Published after the answer, in order: the evaluator that reported waits for the
        // alert's state to be stored, not for the stream.
        _published = Publish(_published, changed);
    }

    private async Task Publish(Task previous, List<Alert> changed)
    {
        await previous;
        try
        {
            var stream = this.GetStreamProvider(AriaStreams.Provider).GetStream<Alert>(StreamId.Create(AriaStreams.Namespace, AriaStreams.Alerts));
            await stream.OnNextBatchAsync(changed);
        }
        catch (Exception exception)
        {
            LogNotPublished(exception, changed.Count);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Count} alert change(s) on the system_alert stream")]
    private partial void LogNotPublished(Exception exception, int count);
}
