using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Client.Events;

/// <summary>
/// The cluster's live events, the same ones <c>/ws</c> sends (viewer): every change of an order,
/// every circuit-breaker change, every alert as it fires and resolves. Each call subscribes and
/// returns once subscribed; read the subscription with <c>await foreach</c> and dispose it.
/// </summary>
/// <example><code>
/// await using var orders = await events.OrderUpdatesAsync();
/// await foreach (var order in orders.WithCancellation(stop)) { ... }
/// </code></example>
public sealed class AriaEvents(IClusterClient client)
{
    /// <summary>Events held for one reader at most.</summary>
    public const int Buffered = 1_024;

    /// <summary>Every change of an order's state, as it is stored.</summary>
    public Task<EventSubscription<OrderView>> OrderUpdatesAsync() => SubscribeAsync<OrderView>(AriaStreams.Orders);

    /// <summary>Every circuit-breaker transition, of traders and of models.</summary>
    public Task<EventSubscription<CircuitBreakerEvent>> CircuitBreakersAsync() => SubscribeAsync<CircuitBreakerEvent>(AriaStreams.CircuitBreaker);

    /// <summary>Every alert as it fires and as it resolves.</summary>
    public Task<EventSubscription<Alert>> AlertsAsync() => SubscribeAsync<Alert>(AriaStreams.Alerts);

    private Task<EventSubscription<T>> SubscribeAsync<T>(string key) =>
        EventSubscription<T>.StartAsync(client.GetStreamProvider(AriaStreams.Provider).GetStream<T>(StreamId.Create(AriaStreams.Namespace, key)));
}
