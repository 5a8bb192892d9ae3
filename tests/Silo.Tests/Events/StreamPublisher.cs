using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Events;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;

namespace AriaPro.Silo.Tests.Events;

/// <summary>Publishes events on the Orleans streams through a host's own cluster client, as the grains do.</summary>
public sealed class StreamPublisher(IServiceProvider services)
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The host's event hub.</summary>
    public EventHub Hub => services.GetRequiredService<EventHub>();

    /// <summary>A breaker event of the trader <paramref name="name"/>, stamped <paramref name="second"/> seconds after a fixed epoch.</summary>
    public static CircuitBreakerEvent Breaker(string name, int second = 0, CircuitState to = CircuitState.Open) =>
        new("trader", name, CircuitState.Closed, to, $"test {name} {second}", Epoch.AddSeconds(second), "S127.0.0.1:1:1");

    /// <summary>An order view of <paramref name="id"/>.</summary>
    public static OrderView Order(string id) =>
        new(id, "EURUSD", OrderSide.Buy, OrderType.Market, 1m, null, 1m, 1.1m, OrderStatus.Filled, null, "api", Epoch, Epoch.AddSeconds(1), null, false);

    /// <summary>Publishes on the stream <paramref name="key"/> once the hub listens to it.</summary>
    public async Task PublishAsync<T>(string key, T item)
    {
        await Hub.WhenSubscribed.WaitAsync(EventClient.ReceiveLimit);
        var stream = services.GetRequiredService<IClusterClient>().GetStreamProvider(AriaStreams.Provider)
            .GetStream<T>(StreamId.Create(AriaStreams.Namespace, key));
        await stream.OnNextAsync(item);
    }
}
