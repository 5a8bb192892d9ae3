using System.Collections.Immutable;
using AriaPro.Core.Monitoring;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace AriaPro.Grains.Monitoring;

/// <summary>
/// The adapter of the cluster's <see cref="AlertBook"/>. Every opening and closing is persisted,
/// then handed to the notifiers and published on <c>system_alert</c>. The history of resolved
/// alerts is a state of its own, written within a second of a change (at once for an
/// acknowledgement): the write that must come before a notification stays as small as the set of
/// firing alerts, and a crash loses at most a second of history, never a firing alert.
/// </summary>
[GrainType("alert-manager")]
public sealed partial class AlertManagerGrain(
    [PersistentState("alerts", AriaStorage.Name)] IPersistentState<AlertBookState> store,
    [PersistentState("alert-history", AriaStorage.Name)] IPersistentState<AlertHistory> history,
    IEnumerable<IAlertNotifier> notifiers,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<AlertManagerGrain> logger) : Grain, IAlertManagerGrain
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(1);
    private readonly IAlertNotifier[] _notifiers = [.. notifiers];
    private AlertBook _book = null!;
    private bool _historyChanged;
    private Task _published = Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _book = new(store.State, history.State, logger);
        _book.Activated(time.GetUtcNow());
        this.RegisterGrainTimer(_ => Sweep(), new GrainTimerCreationOptions(SweepPeriod, SweepPeriod) { Interleave = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _published;
        if (_historyChanged)
        {
            await history.WriteStateAsync(cancellationToken);
        }
    }

    public Task Report(string reporter, ImmutableArray<AlertSignal> firing) => Commit(_book.Report(reporter, firing, time.GetUtcNow()));

    public async Task<Alert> Raise(AlertSignal signal, TimeSpan quietFor)
    {
        var (alert, events) = _book.Raise(signal, quietFor, time.GetUtcNow());
        await Commit(events);
        return alert;
    }

    public async Task<Alert?> Acknowledge(string id, string by)
    {
        // Through the gateway the guard's verified key id, never a name the client chose.
        var (alert, events) = _book.Acknowledge(id, CallCredentials.CallerOr(by), time.GetUtcNow());
        if (events.HistoryChanged)
        {
            _historyChanged = true;
            await WriteHistory();
        }

        await Commit(events, notify: false);
        return alert;
    }

    public Task<AlertsView> GetAlerts() => Task.FromResult(_book.View());

    private async Task Sweep()
    {
        await Commit(_book.Sweep(time.GetUtcNow()));
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
    private async Task Commit(AlertEvents events, bool notify = true)
    {
        _historyChanged |= events.HistoryChanged;
        if (!events.NeedsWrite)
        {
            return;
        }

        await store.WriteOrRestartAsync(this);
        if (events.Changed.Count == 0)
        {
            return;
        }

        if (notify)
        {
            foreach (var alert in events.Changed.Where(a => a.Notified))
            {
                foreach (var notifier in _notifiers)
                {
                    notifier.Notify(alert);
                }
            }
        }

        // Published after the answer, in order: the evaluator that reported waits for the
        // alert's state to be stored, not for the stream.
        _published = Publish(_published, events.Changed);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Count} alert change(s) on the system_alert stream")]
    private partial void LogNotPublished(Exception exception, int count);
}
