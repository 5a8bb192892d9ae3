using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Silo.Events;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Silo.Tests.Events;

/// <summary>A client that stops reading is dropped with a 1008 close; a client that reads gets every event, in order.</summary>
[Trait("Category", "Integration")]
public sealed class SlowClientTests
{
    private const int QueueCapacity = 256;
    private const int EventCount = 5_000;
    private const int Window = QueueCapacity / 2;

    // Events of 4 KB: a few thousand overflow whatever the kernel and Kestrel buffer for a client that does not read.
    private static readonly string Padding = new('x', 4096);

    [Fact]
    public async Task Publish_OneClientNeverReads_ItIsDroppedWith1008AndTheOtherGetsEveryEventInOrder()
    {
        // A send may wait minutes: the slow client is dropped for its full queue, not for a send
        // timeout, and still finds the close frame behind the events it did not read.
        await using var host = await TestHost.StartAsync(services: s => s.AddSingleton(new EventStreamOptions { QueueCapacity = QueueCapacity, SendTimeout = TimeSpan.FromMinutes(5) }));
        var streams = new StreamPublisher(host.Services);
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        long droppedMetric = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "aria.ws.dropped" && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref droppedMetric, value));
        listener.Start();
        await using var slow = await EventClient.ConnectAsync(EventClient.Address(host.Http.BaseAddress!, "?types=circuit_breaker"), host.Token, receiveBuffer: 4096);
        await using var fast = await EventClient.ConnectAsync(EventClient.Address(host.Http.BaseAddress!, "?types=circuit_breaker"), host.Token);
        await fast.ReceiveAsync("welcome");

        // The publisher stays at most Window events ahead of the fast client, so only the client
        // that does not read can fill its queue, however the stream batches its deliveries.
        var received = new List<string>(EventCount);
        var published = 0;
        while (received.Count < EventCount)
        {
            while (published < EventCount && published - received.Count < Window)
            {
                await streams.PublishAsync(AriaStreams.CircuitBreaker, StreamPublisher.Breaker($"E{published}", second: published) with { Reason = Padding });
                published++;
            }

            received.Add((string)(await fast.ReceiveAsync("circuit_breaker"))["data"]!["name"]!);
        }

        var readBeforeClose = await slow.ReadUntilClosedAsync();

        Assert.Equal(Enumerable.Range(0, EventCount).Select(i => $"E{i}"), received);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, slow.Socket.CloseStatus);
        Assert.Equal($"slow consumer: {QueueCapacity} events queued", slow.Socket.CloseStatusDescription);
        Assert.InRange(readBeforeClose, 1, EventCount - 1);
        Assert.Equal(1, streams.Hub.Dropped);
        Assert.Equal(1, Interlocked.Read(ref droppedMetric));
    }

    [Fact]
    public async Task Publish_ASendOutlastsTheSendTimeout_ClientAbortedAndCounted()
    {
        await using var host = await TestHost.StartAsync(services: s => s.AddSingleton(new EventStreamOptions { QueueCapacity = 20_000, SendTimeout = TimeSpan.FromSeconds(1) }));
        var streams = new StreamPublisher(host.Services);
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = DropListener(host.Services, () => dropped.TrySetResult());
        await using var slow = await EventClient.ConnectAsync(EventClient.Address(host.Http.BaseAddress!, "?types=circuit_breaker"), host.Token, receiveBuffer: 4096);

        // 12 MB: more than the kernel and Kestrel buffer, far less than the queue holds.
        for (var i = 0; i < 3_000; i++)
        {
            await streams.PublishAsync(AriaStreams.CircuitBreaker, StreamPublisher.Breaker($"T{i}", second: i) with { Reason = Padding });
        }

        await dropped.Task.WaitAsync(EventClient.ReceiveLimit);

        Assert.Equal(1, streams.Hub.Dropped);
        await Assert.ThrowsAsync<WebSocketException>(slow.ReadUntilClosedAsync);
    }

    private static MeterListener DropListener(IServiceProvider services, Action onDrop)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "aria.ws.dropped" && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => onDrop());
        listener.Start();
        return listener;
    }
}
