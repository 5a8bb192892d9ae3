using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Tests.Cluster;
using AriaPro.Grains.Trading;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Trading;

/// <summary>An order's record lives in the orders' own store and leaves it the retention after its last write.</summary>
[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class OrderRetentionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Submit_RecordKeptForTheRetentionThenGoneFromStorage()
    {
        const string id = "retention-1";
        await fixture.Grains.GetGrain<IOrderGrain>(id).Submit(new(id, "NZDJPY", OrderSide.Buy, 0.01m, OrderType.Market));
        // The archive of the filled order is the record's last write: the retention runs from it.
        var stored = await Eventually.Get(() => StoredAsync(id), s => s.State?.Archived is not null, $"{id} archived");

        fixture.Time.Advance(InMemorySilo.OrderRetention - TimeSpan.FromMinutes(1));
        var within = await StoredAsync(id);
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var after = await StoredAsync(id);

        Assert.True(stored.RecordExists);
        Assert.Equal("NZDJPY", stored.State!.Symbol);
        Assert.True(within.RecordExists);
        Assert.False(after.RecordExists);
    }

    // What the orders' store holds, read as a reactivated order grain would read it.
    private async Task<GrainState<OrderRoute>> StoredAsync(string id)
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(AriaStorage.Orders);
        var state = new GrainState<OrderRoute> { State = new() };
        await storage.ReadStateAsync("order", GrainId.Create("order", id), state);
        return state;
    }
}
