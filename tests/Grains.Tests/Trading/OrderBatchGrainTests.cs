using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Trading;
using AriaPro.Grains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Trading;

/// <summary>
/// Batches through <see cref="IOrderBatchGrain"/> on the real cluster: every order answered on its
/// own, with the same rules, idempotency and pre-trade checks as one order at a time.
/// </summary>
[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed class OrderBatchGrainTests(ClusterFixture fixture)
{
    private IOrderBatchGrain Batch => fixture.Grains.GetGrain<IOrderBatchGrain>(0);

    [Fact]
    public async Task ABatchOverTwoSymbols_AnswersEachOrderOnItsOwn_InTheOrderGiven()
    {
        OrderRequest[] batch =
        [
            new("batch-1", "chfjpy", OrderSide.Buy, 0.5m, OrderType.Market),
            new("batch-2", "EURAUD", OrderSide.Sell, 0.5m, OrderType.Market),
            new("batch-3", "CHFJPY", OrderSide.Buy, 0.5m, OrderType.Limit, 1m),
            new("batch-4", "EURAUD", OrderSide.Sell, 0m, OrderType.Market),
            new("batch-1", "CHFJPY", OrderSide.Buy, 0.5m, OrderType.Market),
            new("batch-6", "CHFJPY", OrderSide.Buy, 5m, OrderType.Market),
            new("batch 7", "EURAUD", OrderSide.Buy, 1m, OrderType.Limit),
        ];

        var results = await Batch.Submit(batch);

        Assert.Equal(["batch-1", "batch-2", "batch-3", "batch-4", "batch-1", "batch-6", "batch 7"], results.Select(r => r.ClientOrderId));
        Assert.All(results.Take(3), r => Assert.False(r.Result!.Duplicate));
        Assert.Equal(("CHFJPY", OrderType.Market), (results[0].Result!.Order.Symbol, results[0].Result!.Order.Type));
        Assert.Equal(OrderStatus.Submitted, results[2].Result!.Order.Status);
        Assert.Equal(BatchFailureKind.Invalid, results[3].Failure!.Kind);
        Assert.Equal(["quantity"], results[3].Failure!.Errors!.Keys);
        Assert.Equal(BatchFailureKind.Conflict, results[4].Failure!.Kind);
        Assert.Contains("order 1 of this batch", results[4].Failure!.Message);
        Assert.Equal(OrderStatus.Denied, results[5].Result!.Order.Status);
        Assert.Contains("position limit exceeded", results[5].Result!.Order.Reason);
        Assert.Equal(["clientOrderId", "limitPrice"], results[6].Failure!.Errors!.Keys.Order());

        await Eventually.Get(async () => await fixture.Grains.GetGrain<ITraderGrain>("CHFJPY").GetPosition(), p => p.Quantity == 0.5m, "CHFJPY long 0.5");
        await Eventually.Get(async () => await fixture.Grains.GetGrain<ITraderGrain>("EURAUD").GetPosition(), p => p.Quantity == -0.5m, "EURAUD short 0.5");
        Assert.Null(await fixture.Grains.GetGrain<IOrderGrain>("batch-4").Get());
        Assert.Equal(OrderStatus.Cancelled, (await fixture.Grains.GetGrain<IOrderGrain>("batch-3").Cancel())!.Status);
    }

    [Fact]
    public async Task TheSameBatchAgain_ReadsEveryOrderBack_AndAChangedOrderIsAConflictNamingTheField()
    {
        OrderRequest[] batch =
        [
            new("batch-again-1", "CHFJPY", OrderSide.Buy, 0.01m, OrderType.Limit, 1m),
            new("batch-again-2", "EURAUD", OrderSide.Buy, 0.01m, OrderType.Limit, 0.5m),
        ];
        var first = await Batch.Submit(batch);

        var again = await Batch.Submit(batch);
        var changed = await Batch.Submit([batch[0], batch[1] with { Quantity = 0.02m }]);

        Assert.All(again, r => Assert.True(r.Result!.Duplicate));
        Assert.Equal(first.Select(r => r.Result!.Order.ClientOrderId), again.Select(r => r.Result!.Order.ClientOrderId));
        Assert.True(changed[0].Result!.Duplicate);
        Assert.Equal(BatchFailureKind.Conflict, changed[1].Failure!.Kind);
        Assert.Equal(["quantity"], changed[1].Failure!.Fields!);
        await fixture.Grains.GetGrain<IOrderGrain>("batch-again-1").Cancel();
        await fixture.Grains.GetGrain<IOrderGrain>("batch-again-2").Cancel();
    }

    [Fact]
    public async Task OrdersOnOneSymbol_AreCheckedInTheOrderGiven_SoTheSecondMeetsTheFirstsExposure()
    {
        var results = await Batch.Submit(
        [
            new("batch-limit-1", "GBPAUD", OrderSide.Buy, 1.5m, OrderType.Limit, 0.5m),
            new("batch-limit-2", "GBPAUD", OrderSide.Buy, 1m, OrderType.Limit, 0.5m),
        ]);

        Assert.Null(results[0].Failure);
        Assert.Equal(OrderStatus.Submitted, results[0].Result!.Order.Status);
        Assert.Equal(OrderStatus.Denied, results[1].Result!.Order.Status);
        Assert.Contains("position limit exceeded", results[1].Result!.Order.Reason);
        await fixture.Grains.GetGrain<IOrderGrain>("batch-limit-1").Cancel();
    }

    [Fact]
    public async Task ABatchOnOneSymbol_CostsItsTraderOneWrite_WhereOrdersOneByOneCostOneEach()
    {
        // Orders the position limit denies: each is decided and stored at once, and no broker
        // report or fill writes after it, so the trader's writes are the submits' alone.
        var storage = (InProcessGrainStorage)fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(AriaStorage.Name);
        long Writes() => storage.WritesOf("trader", GrainId.Create("trader", "AUDNZD"));
        OrderRequest Denied(string id) => new(id, "AUDNZD", OrderSide.Buy, 3m, OrderType.Market);
        await fixture.Grains.GetGrain<IOrderGrain>("batch-writes-0").Submit(Denied("batch-writes-0"));
        var before = Writes();

        var batch = await Batch.Submit([Denied("batch-writes-1"), Denied("batch-writes-2"), Denied("batch-writes-3")]);
        var afterBatch = Writes();
        foreach (var id in new[] { "batch-writes-4", "batch-writes-5", "batch-writes-6" })
        {
            await fixture.Grains.GetGrain<IOrderGrain>(id).Submit(Denied(id));
        }

        Assert.All(batch, r => Assert.Equal(OrderStatus.Denied, r.Result!.Order.Status));
        Assert.Equal(1, afterBatch - before);
        Assert.Equal(3, Writes() - afterBatch);
    }

    [Fact]
    public async Task SingleOrdersSentToOneTraderWhileItWrites_ShareItsNextWrite_EachAnsweredOnItsOwnAfterIt()
    {
        var silo = fixture.Cluster.Silos[0].ServiceProvider;
        var storage = (InProcessGrainStorage)silo.GetRequiredKeyedService<IGrainStorage>(AriaStorage.Name);
        var submits = silo.GetRequiredService<TraderSubmits>();
        var trader = GrainId.Create("trader", "AUDNZD");
        OrderRequest Denied(string id) => new(id, "AUDNZD", OrderSide.Buy, 3m, OrderType.Market);
        Task<SubmitResult> Submit(string id) => fixture.Grains.GetGrain<IOrderGrain>(id).Submit(Denied(id));
        await Submit("group-commit-0");
        var before = storage.WritesOf("trader", trader);

        Task<SubmitResult> first;
        List<Task<SubmitResult>> meanwhile;
        using (var disk = storage.HoldWrites("trader", trader))
        {
            first = Submit("group-commit-1");
            await Eventually.Get(() => Task.FromResult(disk.Waiting), waiting => waiting == 1, "the first order's trader write held");
            meanwhile = [.. Enumerable.Range(2, 5).Select(i => Submit($"group-commit-{i}"))];
            await Eventually.Get(() => Task.FromResult(submits.Waiting("AUDNZD")), waiting => waiting == 5, "five orders waiting for the trader");
            Assert.False(first.IsCompleted);
        }

        var answers = await Task.WhenAll([first, .. meanwhile]);

        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"group-commit-{i}"), answers.Select(a => a.Order.ClientOrderId));
        Assert.All(answers, a => Assert.Equal(OrderStatus.Denied, a.Order.Status));
        Assert.Equal(2, storage.WritesOf("trader", trader) - before);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(OrderRules.MaxBatchOrders + 1)]
    public async Task AnEmptyOrOversizedBatch_IsRefusedWhole_AndNothingIsClaimed(int count)
    {
        var batch = Enumerable.Range(0, count).Select(i => new OrderRequest($"batch-size-{count}-{i}", "CHFJPY", OrderSide.Buy, 0.01m, OrderType.Market)).ToList();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Batch.Submit(batch));

        Assert.Contains($"1 to {OrderRules.MaxBatchOrders} orders", refused.Message);
        if (count > 0)
        {
            Assert.Null(await fixture.Grains.GetGrain<IOrderGrain>($"batch-size-{count}-0").Get());
        }
    }
}
