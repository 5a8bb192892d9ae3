using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Tests.Cluster;
using AriaPro.Grains.Trading;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Trading;

/// <summary>
/// Orders entering through <see cref="IOrderEntryGrain"/> on the real cluster: a new id is claimed
/// by writing its record, with no order grain activated, and stays unique across every symbol even
/// when two submits of it race.
/// </summary>
[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class OrderIntakeTests(ClusterFixture fixture)
{
    private IOrderEntryGrain Entry => fixture.Grains.GetGrain<IOrderEntryGrain>(0);

    [Fact]
    public async Task NewOrders_ActivateNoOrderGrain_AndTheirRecordsAnswerOnceTheTraderLetsGo()
    {
        var ids = Enumerable.Range(0, 6).Select(i => $"intake-new-{i}").ToList();
        var results = await Task.WhenAll(ids.Select((id, i) =>
            Entry.Submit(new(id, "AUDCAD", i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, 0.01m, OrderType.Market))));
        await Eventually.Get(async () => await fixture.Grains.GetGrain<ITraderGrain>("AUDCAD").GetWorkingOrders(), w => w.Count == 0, "AUDCAD orders settled");
        var activeBefore = await OrderGrainsActive(ids);

        var views = await Task.WhenAll(ids.Select(id => fixture.Grains.GetGrain<IOrderGrain>(id).Get()));
        var activeAfter = await OrderGrainsActive(ids);

        Assert.All(results, r => Assert.False(r.Duplicate));
        Assert.Empty(activeBefore);
        Assert.All(views, v => Assert.Equal(OrderStatus.Filled, v!.Status));
        Assert.Equal(ids, activeAfter.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OneNewIdTwiceAtOnce_DifferentQuantities_OneOrderTradesAndTheOtherIsAConflict()
    {
        for (var round = 0; round < 5; round++)
        {
            var id = $"intake-race-{round}";
            var attempts = await Task.WhenAll(
                Outcome(Entry.Submit(new(id, "GBPCHF", OrderSide.Buy, 0.01m, OrderType.Market))),
                Outcome(Entry.Submit(new(id, "GBPCHF", OrderSide.Buy, 0.02m, OrderType.Market))));

            var placed = Assert.Single(attempts, a => a.Result is not null).Result!;
            var refused = Assert.IsType<ClientOrderIdConflictException>(Assert.Single(attempts, a => a.Failure is not null).Failure);
            Assert.False(placed.Duplicate);
            Assert.Contains("quantity", refused.Fields);
            Assert.Equal(placed.Order.Quantity, (await fixture.Grains.GetGrain<IOrderGrain>(id).Get())!.Quantity);
            await Entry.Submit(new($"{id}-back", "GBPCHF", OrderSide.Sell, placed.Order.Quantity, OrderType.Market));
        }
    }

    [Fact]
    public async Task SubmitsOfAnIdClaimedButNotYetAtItsTrader_TheSameRequestIsTheDuplicate_AChangedOneAConflict()
    {
        // The trader's write is held, so the claimed order waits in TraderSubmits while the later
        // submits find the id claimed and ask its grain, which finds no order at the trader yet.
        var silo = fixture.Cluster.Silos[0].ServiceProvider;
        var storage = (InProcessGrainStorage)silo.GetRequiredKeyedService<IGrainStorage>(AriaStorage.Name);
        var submits = silo.GetRequiredService<TraderSubmits>();
        var request = new OrderRequest("intake-held-1", "GBPCHF", OrderSide.Buy, 0.01m, OrderType.Limit, 0.5m);
        Task<SubmitResult> blocker, first, same;
        Task<(SubmitResult? Result, Exception? Failure)> changed;
        using (var disk = storage.HoldWrites("trader", GrainId.Create("trader", "GBPCHF")))
        {
            blocker = Entry.Submit(request with { ClientOrderId = "intake-held-0" });
            await Eventually.Get(() => Task.FromResult(disk.Waiting), waiting => waiting == 1, "the first trader write held");
            first = Entry.Submit(request);
            await Eventually.Get(() => Task.FromResult(submits.Waiting("GBPCHF")), waiting => waiting == 1, "the claimed order waiting for the trader");
            same = Entry.Submit(request);
            changed = Outcome(Entry.Submit(request with { Quantity = 0.02m }));
            await Eventually.Get(() => OrderGrainsActive([request.ClientOrderId]), active => active.Count == 1, "the id's grain asked");
            Assert.False(first.IsCompleted);
        }

        var (placed, again, (_, failure)) = (await first, await same, await changed);
        var working = await fixture.Grains.GetGrain<ITraderGrain>("GBPCHF").GetWorkingOrders();
        await fixture.Grains.GetGrain<IOrderGrain>("intake-held-0").Cancel();
        await fixture.Grains.GetGrain<IOrderGrain>(request.ClientOrderId).Cancel();

        Assert.False((await blocker).Duplicate);
        Assert.False(placed.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(placed.Order.ClientOrderId, again.Order.ClientOrderId);
        Assert.Contains("quantity", Assert.IsType<ClientOrderIdConflictException>(failure).Fields);
        Assert.Single(working, o => o.ClientOrderId == request.ClientOrderId);
    }

    [Fact]
    public async Task OneNewIdForTwoSymbolsAtOnce_OnlyOneSymbolGetsIt()
    {
        const string id = "intake-two-symbols";
        var attempts = await Task.WhenAll(
            Outcome(Entry.Submit(new(id, "AUDCAD", OrderSide.Buy, 0.01m, OrderType.Limit, 0.5m))),
            Outcome(Entry.Submit(new(id, "GBPCHF", OrderSide.Buy, 0.01m, OrderType.Limit, 0.5m))));

        var placed = Assert.Single(attempts, a => a.Result is not null).Result!;
        var refused = Assert.IsType<ClientOrderIdConflictException>(Assert.Single(attempts, a => a.Failure is not null).Failure);
        var other = placed.Order.Symbol == "AUDCAD" ? "GBPCHF" : "AUDCAD";
        var working = await fixture.Grains.GetGrain<ITraderGrain>(other).GetWorkingOrders();
        var cancelled = await fixture.Grains.GetGrain<IOrderGrain>(id).Cancel();

        Assert.Equal(["symbol"], refused.Fields);
        Assert.Contains(placed.Order.Symbol, refused.Message);
        Assert.DoesNotContain(working, o => o.ClientOrderId == id);
        Assert.Equal((placed.Order.Symbol, OrderStatus.Cancelled), (cancelled!.Symbol, cancelled.Status));
    }

    [Fact]
    public async Task TheSameNewRequestTwiceAtOnce_IsOneOrder_AndTheOtherAnswerIsTheDuplicate()
    {
        var request = new OrderRequest("intake-twice", "AUDCAD", OrderSide.Buy, 0.01m, OrderType.Limit, 0.5m);

        var answers = await Task.WhenAll(Entry.Submit(request), Entry.Submit(request));
        var working = await fixture.Grains.GetGrain<ITraderGrain>("AUDCAD").GetWorkingOrders();
        await fixture.Grains.GetGrain<IOrderGrain>(request.ClientOrderId).Cancel();

        Assert.Equal([false, true], answers.Select(a => a.Duplicate).Order());
        Assert.Single(working, o => o.ClientOrderId == request.ClientOrderId);
    }

    [Fact]
    public async Task ARefusedRequestUnderAUsedId_IsAnsweredAsTheIdsGrainAnswers_AndABadNewOneClaimsNothing()
    {
        const string id = "intake-refused";
        await Entry.Submit(new(id, "AUDCAD", OrderSide.Buy, 0.01m, OrderType.Limit, 0.5m));

        var conflict = await Assert.ThrowsAsync<ClientOrderIdConflictException>(() => Entry.Submit(new(id, "AUDCAD", OrderSide.Buy, 0m, OrderType.Limit, 0.5m)));
        var invalid = await Assert.ThrowsAsync<InvalidOrderException>(() => Entry.Submit(new("intake-refused-new", "AUDCAD", OrderSide.Buy, 0m, OrderType.Market)));
        var unroutable = await Assert.ThrowsAsync<InvalidOrderException>(() => Entry.Submit(new("bad id", "AUDCAD", OrderSide.Buy, 1m, OrderType.Market)));
        await fixture.Grains.GetGrain<IOrderGrain>(id).Cancel();

        Assert.Contains("quantity", conflict.Fields);
        Assert.Equal(["quantity"], invalid.Errors.Keys);
        Assert.Null(await fixture.Grains.GetGrain<IOrderGrain>("intake-refused-new").Get());
        Assert.Equal(["clientOrderId"], unroutable.Errors.Keys);
    }

    private async Task<List<string>> OrderGrainsActive(IEnumerable<string> ids)
    {
        var wanted = ids.Select(id => GrainId.Create("order", id)).ToHashSet();
        var active = await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return [.. active.Where(a => wanted.Contains(a.GrainId)).Select(a => a.GrainId.Key.ToString()!)];
    }

    private static async Task<(SubmitResult? Result, Exception? Failure)> Outcome(Task<SubmitResult> submit)
    {
        try
        {
            return (await submit, null);
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }
}
