using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Monitoring;

namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>
/// Tells people about alert transitions. <see cref="Notify"/> writes one structured log line at
/// once and queues the alert for every enabled channel (webhook, e-mail), each with its own
/// bounded queue and delivery loop, so a dead webhook never delays the e-mail and the caller is
/// never held up. Delivery starts with the host and, when the host stops, goes on for
/// <see cref="AlertDeliveryOptions.StopGrace"/> before what is left is logged as not delivered.
/// </summary>
public sealed partial class AlertNotifier : IAlertNotifier, IHostedService, IAsyncDisposable
{
    private readonly IReadOnlyList<IAlertChannel> _channels;
    private readonly ImmutableArray<AlertDeliveryQueue> _queues;
    private readonly AlertDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _loops = Task.CompletedTask;
    private int _started;
    private int _disposed;

    /// <summary>Creates the notifier with the channels that <paramref name="monitoring"/> enables.</summary>
    public AlertNotifier(MonitoringOptions monitoring, AlertDeliveryOptions delivery, TimeProvider time, IMeterFactory meters, ILogger<AlertNotifier> logger)
        : this(CreateChannels(monitoring, delivery, time, logger), delivery, time, meters, logger)
    {
    }

    internal AlertNotifier(IEnumerable<IAlertChannel> channels, AlertDeliveryOptions delivery, TimeProvider time, IMeterFactory meters, ILogger<AlertNotifier> logger)
    {
        delivery.Validate();
        _channels = channels.ToList();
        _options = delivery;
        _time = time;
        _logger = logger;
        var metrics = new AlertNotificationMetrics(meters);
        _queues = [.. _channels.Select(channel => new AlertDeliveryQueue(channel, delivery, time, metrics, logger))];
    }

    /// <summary>The names of the enabled delivery channels, e.g. <c>webhook</c> and <c>email</c>.</summary>
    public IReadOnlyList<string> Channels => _queues.Select(queue => queue.Name).ToList();

    /// <summary>Alerts dropped so far because a channel's queue was full, over all channels.</summary>
    public long Dropped => _queues.Sum(queue => queue.Dropped);

    /// <inheritdoc />
    public void Notify(Alert alert)
    {
        if (alert is null)
        {
            return;
        }

        try
        {
            LogAlert(alert);
            foreach (var queue in _queues)
            {
                if (!queue.TryEnqueue(alert))
                {
                    LogNotQueued(queue.Name, alert.Id, alert.RuleId, alert.State);
                }
            }
        }
        catch (Exception exception)
        {
            // The contract is to never throw into the alert manager; a broken sink is not its problem.
            try
            {
                LogNotifyFailed(exception, alert.Id);
            }
            catch (Exception)
            {
            }
        }
    }

    /// <summary>Starts one delivery loop per channel; alerts notified before this wait in their queues.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _loops = Task.WhenAll(_queues.Select(queue => Task.Run(() => queue.RunAsync(_stopping.Token), CancellationToken.None)));
            LogStarted(_queues.Length == 0 ? "log only" : string.Join(", ", _queues.Select(queue => queue.Name)));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes no more alerts, delivers what is queued for at most
    /// <see cref="AlertDeliveryOptions.StopGrace"/>, then cancels and logs what was not delivered.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in _queues)
        {
            queue.Complete();
        }

        try
        {
            await _loops.WaitAsync(_options.StopGrace, _time, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
        }

        await _stopping.CancelAsync();
        try
        {
            // The loops end promptly once cancelled; the host's own stop deadline still bounds the wait.
            await _loops.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        DisposeChannels();
    }

    /// <summary>Stops delivery at once, without a grace, and releases the channels' connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var queue in _queues)
        {
            queue.Complete();
        }

        await _stopping.CancelAsync();
        await _loops;
        DisposeChannels();
        _stopping.Dispose();
    }

    private static List<IAlertChannel> CreateChannels(MonitoringOptions monitoring, AlertDeliveryOptions delivery, TimeProvider time, ILogger logger)
    {
        var channels = new List<IAlertChannel>();
        if (monitoring.WebhookUrl is { } url)
        {
            channels.Add(new WebhookAlertChannel(url, delivery.AttemptTimeout, time));
        }

        if (monitoring.EmailEnabled)
        {
            channels.Add(new EmailAlertChannel(monitoring, delivery.AttemptTimeout, logger));
        }

        return channels;
    }

    private void DisposeChannels()
    {
        foreach (var channel in _channels.OfType<IDisposable>())
        {
            channel.Dispose();
        }
    }

    private void LogAlert(Alert alert)
    {
        var level = alert.State == AlertState.Resolved
            ? LogLevel.Information
            : alert.Severity switch
            {
                AlertSeverity.Critical => LogLevel.Error,
                AlertSeverity.Warning => LogLevel.Warning,
                _ => LogLevel.Information,
            };
        var band = alert.ExpectedLow is null && alert.ExpectedHigh is null
            ? null
            : $"{Bound(alert.ExpectedLow)}..{Bound(alert.ExpectedHigh)}";
        LogAlertLine(level, alert.State, alert.Severity, alert.Summary, alert.RuleId, alert.Value, alert.Threshold, band, alert.Detector, AlertEmailFormatter.Labels(alert.Labels), alert.Id);

        static string Bound(double? bound) => bound is { } value ? AlertEmailFormatter.Number(value) : "";
    }
}
