using System.Net;
using AriaPro.Silo.Tests.Hosting;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Http;

/// <summary>
/// Many clients at once, half of them retrying ids another already used: every id trades exactly
/// once and the position is exactly what the unique orders add up to. Bounded in count.
/// </summary>
[Trait("Category", "Load")]
public sealed class OrderLoadTests
{
    private const int UniqueOrders = 600;

    /// <summary>Requests in flight at once, like as many clients each waiting for its answer.</summary>
    private const int Clients = 32;

    [Fact]
    public async Task ConcurrentSubmits_WithRetriedIds_EachIdTradesOnce()
    {
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["AUTO_TRADE_POS_LIMITS"] = "EURUSD:1000,GBPUSD:1,USDJPY:1",
        });
        var attempts = Enumerable.Range(0, UniqueOrders).SelectMany(i => new[] { i, i }).OrderBy(_ => Random.Shared.Next()).ToList();

        using var inFlight = new SemaphoreSlim(Clients);
        var responses = await Task.WhenAll(attempts.Select(async i =>
        {
            await inFlight.WaitAsync();
            try
            {
                using var response = await host.Http.PostAsync("/trading/orders", Body(Order($"load-{i}", quantity: 0.01m)));
                return response.StatusCode;
            }
            finally
            {
                inFlight.Release();
            }
        }));
        foreach (var i in Enumerable.Range(0, UniqueOrders))
        {
            await host.Http.WaitForStatus($"load-{i}", "Filled");
        }

        var position = await host.Grains.GetGrain<Grains.Interfaces.Trading.ITraderGrain>("EURUSD").GetPosition();

        Assert.Equal(UniqueOrders, responses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(UniqueOrders, responses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(UniqueOrders * 0.01m, position.Quantity);
    }
}
