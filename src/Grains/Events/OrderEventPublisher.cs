using System.Diagnostics.Metrics;
using System.Threading.Channels;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace AriaPro.Grains.Events;

/// <summary>
/// Carries order updates from the traders on this silo to the <c>order_update</c> stream, off the
/// order path: a trader hands over a persisted order's view and goes on; one loop publishes them in
/// batches, in the order they were handed over. Order updates are notifications, not the record of
/// truth (that is the trader's persisted state), so when the stream cannot keep up the oldest
/// waiting updates are dropped and counted (<c>aria.events.dropped</c>) rather than slow trading.
/// </summary>
public sealed partial class OrderEventPublisher : BackgroundService
{
    /// <summary>Updates waiting at most before the oldest is dropped.</summary>
    public const int Capacity = 16_384;

    private const int MaxBatch = 256;
    private readonly Channel<OrderView> _queue;
    private readonly IServiceProvider _services;
    private readonly ILogger<OrderEventPublisher> _logger;
    private readonly Counter<long> _dropped;

    /// <summary>Creates the publisher; it starts publishing when the host starts it.</summary>
    public OrderEventPublisher(IServiceProvider services, IMeterFactory meters, ILogger<OrderEventPublisher> logger)
    {
        _services = services;
        _logger = logger;
        _dropped = meters.Create(AriaMetrics.MeterName).CreateCounter<long>("aria.events.dropped", "{event}", "Events dropped because their stream could not keep up");
        _queue = Channel.CreateBounded<OrderView>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => _dropped.Add(1, new KeyValuePair<string, object?>("stream", AriaStreams.Orders)));
    }

    /// <summary>Queues an update; never blocks.</summary>
    public void Publish(OrderView order) => _queue.Writer.TryWrite(order);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IAsyncStream<OrderView>? stream = null;
        var failing = false;
        var batch = new List<OrderView>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var order))
                {
                    batch.Add(order);
                }

                try
                {
                    stream ??= _services.GetRequiredService<IClusterClient>().GetStreamProvider(AriaStreams.Provider)
                        .GetStream<OrderView>(StreamId.Create(AriaStreams.Namespace, AriaStreams.Orders));
                    await stream.OnNextBatchAsync(batch);
                    if (failing)
                    {
                        failing = false;
                        LogPublishingAgain(_logger);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Logged when publishing starts to fail, not for every batch while it does.
                    _dropped.Add(batch.Count, new KeyValuePair<string, object?>("stream", AriaStreams.Orders));
                    if (!failing)
                    {
                        failing = true;
                        LogNotPublished(_logger, exception, batch.Count);
                    }
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping: what is still queued is only a notification.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order updates are published again")]
    private static partial void LogPublishingAgain(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Count} order update(s); order updates are dropped until publishing works again (the orders themselves are persisted)")]
    private static partial void LogNotPublished(ILogger logger, Exception exception, int count);
}
