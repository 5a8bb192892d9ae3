using System.Collections.Concurrent;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Tests.Cluster;
using Orleans.Streams;

namespace AriaPro.Grains.Tests.Events;

[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class BreakerEventTests(ClusterFixture fixture)
{
    private static readonly IReadOnlyList<Bar> Bars = [new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero), 1.1m, 1.1m, 1.1m, 1.1m, 0m)];

    [Fact]
    public async Task ModelAndTraderBreakers_PublishOnTheSameCircuitBreakerStream()
    {
        var received = new ConcurrentQueue<CircuitBreakerEvent>();
        var modelOpened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var traderIsolated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(AriaStreams.Provider)
            .GetStream<CircuitBreakerEvent>(StreamId.Create(AriaStreams.Namespace, AriaStreams.CircuitBreaker));
        var subscription = await stream.SubscribeAsync((item, _) =>
        {
            received.Enqueue(item);
            if (item is { Source: "model", Name: "test-events", To: CircuitState.Open })
            {
                modelOpened.TrySetResult();
            }

            if (item is { Source: "trader", Name: "USDCAD", To: CircuitState.Isolated })
            {
                traderIsolated.TrySetResult();
            }

            return Task.CompletedTask;
        });

        for (var i = 0; i < 4; i++)
        {
            await fixture.Grains.GetGrain<IModelGrain>("test-events").Infer("EURUSD", Bars);
        }

        await fixture.Grains.GetGrain<ITraderGrain>("USDCAD").HaltCircuitBreaker("event test");
        await Task.WhenAll(modelOpened.Task, traderIsolated.Task).WaitAsync(TimeSpan.FromSeconds(10));
        await fixture.Grains.GetGrain<ITraderGrain>("USDCAD").ResumeCircuitBreaker();
        await subscription.UnsubscribeAsync();

        var model = received.First(e => e.Source == "model" && e.Name == "test-events");
        Assert.Equal(CircuitState.Closed, model.From);
        Assert.Contains("success rate 0.00", model.Reason);
        Assert.Equal(fixture.Time.GetUtcNow(), model.Time);
        Assert.Equal("event test", received.First(e => e.Source == "trader" && e.Name == "USDCAD").Reason);
    }
}
