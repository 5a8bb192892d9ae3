using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Monitoring;
using Orleans.Streams;

namespace AriaPro.Silo.Events;

/// <summary>
/// Subscribes this silo to the event streams and fans every event out to the silo's WebSocket
/// clients. Each event is serialized once; each client gets it through its own bounded queue, so
/// the stream callback never waits for a client. Memory streams deliver every silo's events to
/// every subscriber, so a client on any silo sees the events of the whole cluster.
/// </summary>
public sealed partial class EventHub : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(5);

    private readonly IClusterClient _client;
    private readonly EventEnvelope _envelope;
    private readonly EventStreamOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EventHub> _logger;
    private readonly ILocalSiloDetails _silo;
    private readonly Meter _meter;
    private readonly Counter<long> _droppedCounter;
    private readonly UpDownCounter<long> _clientsCounter;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _unsubscribe = [];
    private ImmutableArray<EventConnection> _connections = [];
    private Task _subscribing = Task.CompletedTask;
    private long _dropped;

    /// <summary>Creates the hub; it subscribes when started.</summary>
    public EventHub(IClusterClient client, ILocalSiloDetails silo, EventEnvelope envelope, EventStreamOptions options, IMeterFactory meters, TimeProvider time, ILogger<EventHub> logger)
    {
        _client = client;
        _silo = silo;
        _envelope = envelope;
        _options = options;
        _time = time;
        _logger = logger;
        _meter = meters.Create(AriaMetrics.MeterName);
        _droppedCounter = _meter.CreateCounter<long>("aria.ws.dropped", unit: "{client}", description: "WebSocket clients dropped for being too slow");
        _clientsCounter = _meter.CreateUpDownCounter<long>("aria.ws.clients", unit: "{client}", description: "Connected WebSocket clients");
    }

    /// <summary>Completes once the hub is subscribed to every event stream.</summary>
    public Task WhenSubscribed => _subscribed.Task;

    /// <summary>Clients connected to this silo now.</summary>
    public int Clients => _connections.Length;

    /// <summary>Clients this silo has dropped for being too slow since it started.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The address of this silo, as events carry it.</summary>
    public string Silo => _silo.SiloAddress.ToString();

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: a stream outage at start-up must not stop the silo from starting.
        _subscribing = Task.Run(SubscribeAllAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var connection in _connections)
        {
            connection.Close(WebSocketCloseStatus.EndpointUnavailable, "server stopping");
        }

        await _subscribing;
        List<Func<Task>> unsubscribe;
        lock (_gate)
        {
            unsubscribe = [.. _unsubscribe];
            _unsubscribe.Clear();
        }

        foreach (var handle in unsubscribe)
        {
            try
            {
                await handle().WaitAsync(UnsubscribeTimeout, _time, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogUnsubscribeFailed(_logger, exception);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping.Dispose();
        _meter.Dispose();
    }

    /// <summary>
    /// Serves one accepted WebSocket until it closes: a welcome once the hub is subscribed, then every event of
    /// <paramref name="types"/> (which the client may change), until the client leaves, is
    /// dropped, or <paramref name="stopping"/> fires.
    /// </summary>
    public async Task ServeAsync(WebSocket socket, EventTypeSet types, CancellationToken stopping)
    {
        // The welcome promises events: it waits (only at start-up) until the streams are subscribed.
        try
        {
            await WhenSubscribed.WaitAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            socket.Abort();
            return;
        }

        var connection = new EventConnection(socket, types, _options, _envelope, _time, OnDropped, _logger);
        connection.Offer(_envelope.Serialize(EventTypes.Welcome, _time.GetUtcNow(), new WelcomeMessage(Silo, types.Names())));
        lock (_gate)
        {
            _connections = _connections.Add(connection);
        }

        _clientsCounter.Add(1);
        LogConnected(_logger, string.Join(',', types.Names()));
        try
        {
            await connection.RunAsync(stopping);
        }
        finally
        {
            lock (_gate)
            {
                _connections = _connections.Remove(connection);
            }

            _clientsCounter.Add(-1);
        }
    }

    /// <summary>Sends an event to the clients of this silo that subscribe to its type: serialized once, queued without waiting.</summary>
    internal void Publish<T>(string type, DateTimeOffset timestamp, T data)
    {
        if (!EventTypes.TryGetBit(type, out var bit))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "not a subscribable event type");
        }

        var connections = _connections;
        byte[]? message = null;
        foreach (var connection in connections)
        {
            if (connection.Types.Contains(bit))
            {
                message ??= _envelope.Serialize(type, timestamp, data);
                connection.Offer(message);
            }
        }
    }

    private void OnDropped(EventConnection connection)
    {
        Interlocked.Increment(ref _dropped);
        _droppedCounter.Add(1);
    }

    private async Task SubscribeAllAsync()
    {
        await Task.WhenAll(
            SubscribeAsync<Alert>(AriaStreams.Alerts, a => a.ResolvedAt ?? a.LastSeenAt),
            SubscribeAsync<PerformanceDigest>(AriaStreams.Performance, d => d.Time),
            SubscribeAsync<CircuitBreakerEvent>(AriaStreams.CircuitBreaker, e => e.Time),
            SubscribeAsync<SecurityEvent>(AriaStreams.SecurityEvents, e => e.Time),
            SubscribeAsync<OrderView>(AriaStreams.Orders, o => o.UpdatedAt));
        if (!_stopping.IsCancellationRequested)
        {
            _subscribed.TrySetResult();
            LogSubscribed(_logger, EventTypes.All.Count);
        }
    }

    // Retries until subscribed (or stopping): the silo may still be joining the cluster, or the
    // pub-sub store may be briefly unreachable; a hub without its streams would be silently empty.
    private async Task SubscribeAsync<T>(string type, Func<T, DateTimeOffset> timestamp)
    {
        var delay = FirstRetry;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var stream = _client.GetStreamProvider(AriaStreams.Provider).GetStream<T>(StreamId.Create(AriaStreams.Namespace, type));
                var handle = await stream.SubscribeAsync(
                    (item, _) =>
                    {
                        Deliver(type, timestamp, item);
                        return Task.CompletedTask;
                    },
                    exception =>
                    {
                        LogStreamError(_logger, exception, type);
                        return Task.CompletedTask;
                    });
                lock (_gate)
                {
                    _unsubscribe.Add(handle.UnsubscribeAsync);
                }

                return;
            }
            catch (Exception exception) when (!_stopping.IsCancellationRequested)
            {
                LogSubscribeFailed(_logger, exception, type, delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, _time, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    // Never throws back into the stream: a failure would make the stream redeliver to every client.
    private void Deliver<T>(string type, Func<T, DateTimeOffset> timestamp, T item)
    {
        try
        {
            Publish(type, timestamp(item), item);
        }
        catch (Exception exception)
        {
            LogDeliveryFailed(_logger, exception, type);
        }
    }
}
