using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Monitoring;
using AriaPro.Grains.Trading;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace AriaPro.Grains.Events;

/// <summary>
/// Collects a grain's breaker transitions and publishes them once the state that caused them is
/// persisted, on the <c>circuit_breaker</c> stream and in the silo's breaker gauge. Publishing can
/// fail (no stream provider, a stream outage); that is logged and never stops trading.
/// </summary>
public sealed partial class BreakerEvents(IGrainBase grain, string source, string name, AriaMetrics metrics, TimeProvider time, ILogger logger)
{
    private readonly List<CircuitBreakerEvent> _pending = [];

    /// <summary>The breaker is hosted here now, in <paramref name="state"/> (on activation).</summary>
    public void Hosted(CircuitState state) => metrics.Breaker(source, name, state);

    /// <summary>The grain leaves this silo (on deactivation).</summary>
    public void Left() => metrics.Forget(source, name);

    /// <summary>Remembers a transition for the next <see cref="PublishAsync"/>.</summary>
    public void Add(CircuitTransition transition) =>
        _pending.Add(new(source, name, transition.From, transition.To, transition.Reason, time.GetUtcNow(), grain.GrainContext.Address.SiloAddress?.ToString() ?? ""));

    /// <summary>Publishes what has been collected since the last call.</summary>
    public async Task PublishAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var events = _pending.ToList();
        _pending.Clear();
        metrics.Breaker(source, name, events[^1].To);
        try
        {
            var stream = grain.GetStreamProvider(AriaStreams.Provider)
                .GetStream<CircuitBreakerEvent>(StreamId.Create(AriaStreams.Namespace, AriaStreams.CircuitBreaker));
            foreach (var item in events)
            {
                await stream.OnNextAsync(item);
            }
        }
        catch (Exception exception)
        {
            LogNotPublished(logger, exception, events.Count, source, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish {Count} circuit breaker event(s) of {Source} {Name}")]
    private static partial void LogNotPublished(ILogger logger, Exception exception, int count, string source, string name);
}
