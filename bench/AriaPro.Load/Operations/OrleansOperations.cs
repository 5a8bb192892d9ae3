using AriaPro.Client;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Load.Operations;

/// <summary>The operations made through an Orleans client (the AriaPro client SDK where it has the call).</summary>
public static class OrleansOperations
{
    /// <summary>Market order quantity: the smallest the paper broker fills.</summary>
    public const decimal OrderLots = 0.01m;

    /// <summary>Orders in one call of <c>orders-batch</c>.</summary>
    public const int BatchOrders = 10;

    /// <summary>Bars sent with each inference, as the signal grain sends them.</summary>
    public const int InferenceBars = 200;

    /// <summary>The model the inference calls use (shipped in models/).</summary>
    public const string ModelId = "eurusd-direction";

    public static async Task<IReadOnlyList<LoadOperation>> CreateAsync(IClusterClient grains, IReadOnlyList<string> symbols, string runId)
    {
        var client = new AriaProClient(grains, new AriaProClientOptions { RetryFor = TimeSpan.Zero });
        var ids = new OrderIds(symbols, runId);
        var risk = grains.GetGrain<IRiskGrain>(IRiskGrain.Portfolio);
        var desk = grains.GetGrain<ITradingDeskGrain>(AriaProClient.TradingDeskKey);
        var model = grains.GetGrain<IModelGrain>(ModelId);
        var bars = await grains.GetGrain<IMarketDataGrain>(symbols[0]).GetBars(InferenceBars);
        return
        [
            new(OperationNames.Orders, "orleans", $"AriaProClient.SubmitOrderAsync, {OrderLots} lot market order, {symbols.Count} symbols",
                async _ =>
                {
                    var (id, symbol, buy) = ids.Next();
                    var result = await client.SubmitOrderAsync(new(id, symbol, buy ? OrderSide.Buy : OrderSide.Sell, OrderLots, OrderType.Market));
                    return result.Order.Status is OrderStatus.Rejected or OrderStatus.Denied or OrderStatus.Expired ? result.Order.Status.ToString() : null;
                },
                OperationNames.NoOpGrain),
            new(OperationNames.OrdersBatch, "orleans", $"AriaProClient.SubmitOrdersAsync, {BatchOrders} orders of {OrderLots} lot a call (orders/s = calls/s x {BatchOrders})",
                async _ =>
                {
                    var batch = new OrderRequest[BatchOrders];
                    for (var i = 0; i < batch.Length; i++)
                    {
                        var (id, symbol, buy) = ids.Next();
                        batch[i] = new(id, symbol, buy ? OrderSide.Buy : OrderSide.Sell, OrderLots, OrderType.Market);
                    }

                    var results = await client.SubmitOrdersAsync(batch);
                    return results.FirstOrDefault(r => r.Result?.Order.Status is not (OrderStatus.Submitted or OrderStatus.Accepted or OrderStatus.Filled)) is { } refused
                        ? refused.Failure?.Kind.ToString() ?? refused.Result!.Order.Status.ToString()
                        : null;
                },
                OperationNames.NoOpGrain),
            new(OperationNames.RiskMetrics, "orleans", "IRiskGrain.GetMetrics",
                async _ =>
                {
                    await risk.GetMetrics();
                    return null;
                },
                OperationNames.NoOpGrain),
            new(OperationNames.Inference, "orleans", $"IModelGrain.Infer, shipped ONNX model, {bars.Count} bars",
                async _ =>
                {
                    var inference = await model.Infer(symbols[0], bars);
                    return inference.Outcome == InferenceOutcome.Success ? null : inference.Outcome.ToString();
                },
                OperationNames.NoOpGrain),
            new(OperationNames.NoOpGrain, "orleans", "no-op grain call: ITradingDeskGrain.GetSymbols (stateless worker, returns a held list)",
                async _ =>
                {
                    await desk.GetSymbols();
                    return null;
                },
                Baseline: null, IsBaseline: true),
        ];
    }
}
