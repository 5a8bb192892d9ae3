using System.Threading.Channels;
using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>
/// One channel's bounded queue and the single loop that drains it. Alerts go out in the order they
/// were queued; while one alert waits for a retry, later alerts of this channel wait behind it, and
/// other channels are not affected. When the queue is full the oldest alert is dropped (counted and
/// logged), so <see cref="TryEnqueue"/> never blocks.
/// </summary>
internal sealed partial class AlertDeliveryQueue
{
    private readonly IAlertChannel _channel;
    private readonly Channel<Alert> _queue;
    private readonly AlertRetryPolicy _retry;
    private readonly AlertDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly AlertNotificationMetrics _metrics;
    private readonly ILogger _logger;
    private long _dropped;

    public AlertDeliveryQueue(IAlertChannel channel, AlertDeliveryOptions options, TimeProvider time, AlertNotificationMetrics metrics, ILogger logger)
    {
        _channel = channel;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _retry = new AlertRetryPolicy(options);
        _queue = Channel.CreateBounded<Alert>(
            new BoundedChannelOptions(options.QueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            OnDropped);
    }

    public string Name => _channel.Name;

    /// <summary>Alerts dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues the alert; false once the queue is closed (the notifier is stopping).</summary>
    public bool TryEnqueue(Alert alert) => _queue.Writer.TryWrite(alert);

    /// <summary>Takes no more alerts; the loop ends once it has delivered what is queued.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>
    /// Delivers until the queue is completed and empty, or until <paramref name="stopping"/> is
    /// cancelled; then logs every alert it did not deliver. Never throws.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        Alert? current = null;
        try
        {
            await foreach (var alert in _queue.Reader.ReadAllAsync(stopping))
            {
                current = alert;
                await DeliverAsync(alert, stopping);
                current = null;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogLoopFailed(_logger, exception, Name);
        }

        if (current is not null)
        {
            Abandon(current);
        }

        while (_queue.Reader.TryRead(out var left))
        {
            Abandon(left);
        }
    }

    private async Task DeliverAsync(Alert alert, CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
                await _channel.SendAsync(alert, linked.Token);
                _metrics.Delivered(Name);
                LogDelivered(_logger, Name, alert.Id, alert.State, attempt);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw;
            }
            catch (AlertDeliveryException refused) when (refused.IsPermanent)
            {
                _metrics.Failed(Name);
                LogRefused(_logger, Name, alert.Id, alert.RuleId, alert.State, attempt, refused.Message);
                return;
            }
            catch (Exception exception)
            {
                var retryAfter = (exception as AlertDeliveryException)?.RetryAfter;
                var reason = exception is OperationCanceledException
                    ? $"no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s"
                    : exception.Message;
                var delay = _retry.NextDelay(attempt, retryAfter);
                if (delay is not { } wait)
                {
                    _metrics.Failed(Name);
                    LogGaveUp(_logger, Name, alert.Id, alert.RuleId, alert.State, attempt, reason);
                    return;
                }

                LogRetrying(_logger, Name, alert.Id, alert.State, attempt, wait.TotalMilliseconds, reason);
                await Task.Delay(wait, _time, stopping);
            }
        }
    }

    private void OnDropped(Alert alert)
    {
        var dropped = Interlocked.Increment(ref _dropped);
        _metrics.Dropped(Name);
        LogDropped(_logger, Name, alert.Id, alert.RuleId, alert.State, _options.QueueCapacity, dropped);
    }

    private void Abandon(Alert alert)
    {
        _metrics.Abandoned(Name);
        LogAbandoned(_logger, Name, alert.Id, alert.RuleId, alert.State);
    }
}
