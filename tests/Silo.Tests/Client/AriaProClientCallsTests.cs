using AriaPro.Client;
using AriaPro.Client.Events;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AriaPro.Silo.Tests.Client;

/// <summary>Every call of the SDK through the gateway, with an admin key, against a real silo.</summary>
[Trait("Category", "Integration")]
public sealed class AriaProClientCallsTests(HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private IHost _app = null!;

    private IAriaProClient Client => _app.Services.GetRequiredService<IAriaProClient>();

    public async Task InitializeAsync()
    {
        _app = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(s => s.AddAriaProClient(o =>
            {
                o.GatewayPort = fixture.Host.Settings.Hosting.GatewayPort;
                o.ApiKey = TestAuth.AdminKey;
            }))
            .Build();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task WaitForFinalAsync_MarketOrder_ReturnsItFilled()
    {
        await Client.SubmitOrderAsync(new("sdk-final-1", "EURUSD", OrderSide.Buy, 0.01m, OrderType.Market));

        var final = await Client.WaitForFinalAsync("sdk-final-1");

        Assert.Equal(OrderStatus.Filled, final.Status);
        Assert.Equal(0.01m, final.FilledQuantity);
    }

    public static TheoryData<OrderRequest, string> BadRequests => new()
    {
        { new OrderRequest("sdk-bad-1", "", OrderSide.Buy, 1m, OrderType.Market), "symbol" },
        { new OrderRequest("sdk-bad-2", "EUR", OrderSide.Buy, 1m, OrderType.Market), "symbol" },
        { new OrderRequest("sdk-bad-3", "XXXYYY", OrderSide.Buy, 1m, OrderType.Market), "symbol" },
        { new OrderRequest("sdk-bad-4", "EURUSD", OrderSide.Buy, 0m, OrderType.Market), "quantity" },
        { new OrderRequest("sdk-bad-5", "EURUSD", OrderSide.Sell, -1m, OrderType.Market), "quantity" },
        { new OrderRequest("sdk-bad-6", "EURUSD", (OrderSide)7, 1m, OrderType.Market), "side" },
        { new OrderRequest("sdk-bad-7", "EURUSD", OrderSide.Buy, 1m, OrderType.Limit), "limitPrice" },
        { new OrderRequest("sdk-bad-8", "EURUSD", OrderSide.Buy, 1m, OrderType.Limit, 0m), "limitPrice" },
        { new OrderRequest("sdk-bad-9", "EURUSD", OrderSide.Buy, 1m, OrderType.Market, 1.1m), "limitPrice" },
        { new OrderRequest("sdk-bad-10", "EURUSD", OrderSide.Buy, 0.001m, OrderType.Market), "quantity" },
        { new OrderRequest("sdk-bad-11", "EURUSD", OrderSide.Buy, 5000m, OrderType.Market), "quantity" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task SubmitOrderAsync_BadRequest_TheClusterRefusesItWithTheFieldToFix_AndTheIdStaysUnused(OrderRequest request, string field)
    {
        var refused = await Assert.ThrowsAsync<OrderRejectedException>(() => Client.SubmitOrderAsync(request));

        Assert.Equal([field], refused.Errors.Keys);
        Assert.IsType<InvalidOrderException>(refused.InnerException);
        Assert.Null(await Client.GetOrderAsync(request.ClientOrderId));
        // The id is still free: the corrected order (a limit far below the market) takes it.
        var corrected = await Client.SubmitOrderAsync(new(request.ClientOrderId, "EURUSD", OrderSide.Buy, 0.01m, OrderType.Limit, 0.5m));
        Assert.False(corrected.Duplicate);
        Assert.Equal(OrderStatus.Cancelled, (await Client.CancelOrderAsync(request.ClientOrderId))!.Status);
    }

    [Fact]
    public async Task SubmitOrdersAsync_ABatch_AnswersEachOrder_AndTheSameBatchAgainReadsThemBack()
    {
        OrderRequest[] batch =
        [
            new("sdk-batch-1", "EURUSD", OrderSide.Buy, 0.01m, OrderType.Limit, 0.5m),
            new("sdk-batch-2", "GBPUSD", OrderSide.Buy, 0.01m, OrderType.Limit, 0.5m),
            new("sdk-batch-3", "EURUSD", OrderSide.Buy, 0m, OrderType.Market),
        ];

        var first = await Client.SubmitOrdersAsync(batch);
        var again = await Client.SubmitOrdersAsync(batch);

        Assert.Equal([false, false], first.Take(2).Select(r => r.Result!.Duplicate));
        Assert.Equal(BatchFailureKind.Invalid, first[2].Failure!.Kind);
        Assert.Equal([true, true], again.Take(2).Select(r => r.Result!.Duplicate));
        Assert.Null(await Client.GetOrderAsync("sdk-batch-3"));
        Assert.Equal(OrderStatus.Cancelled, (await Client.CancelOrderAsync("sdk-batch-1"))!.Status);
        Assert.Equal(OrderStatus.Cancelled, (await Client.CancelOrderAsync("sdk-batch-2"))!.Status);
    }

    [Fact]
    public async Task WorkingOrders_RestingLimitOrder_ListedUntilCancelled()
    {
        await Client.SubmitOrderAsync(new("sdk-rest-1", "GBPUSD", OrderSide.Buy, 0.01m, OrderType.Limit, 0.5m));

        var working = await Client.GetWorkingOrdersAsync("gbpusd");
        var cancelled = await Client.CancelOrderAsync("sdk-rest-1");
        var after = await Client.GetWorkingOrdersAsync("GBPUSD");

        Assert.Contains(working, o => o.ClientOrderId == "sdk-rest-1");
        Assert.Equal(OrderStatus.Cancelled, cancelled!.Status);
        Assert.DoesNotContain(after, o => o.ClientOrderId == "sdk-rest-1");
    }

    [Fact]
    public async Task SetTradingState_ReducingThenActive_ShownByTheSymbol()
    {
        var reducing = await Client.SetTradingStateAsync("USDJPY", TradingState.Reducing, "sdk test");
        var active = await Client.SetTradingStateAsync("USDJPY", TradingState.Active);

        Assert.Equal(TradingState.Reducing, reducing.TradingState);
        Assert.Equal(TradingState.Active, active.TradingState);
    }

    [Fact]
    public async Task Reads_RiskModelsAndAlerts_AnswerAsTheHttpApiDoes()
    {
        var risk = await Client.GetRiskAsync();
        var models = await Client.GetModelsAsync();
        var alerts = await Client.GetAlertsAsync();

        Assert.Equal(fixture.Host.Settings.Risk.AccountCapital, risk.Capital);
        Assert.Contains(models.Models, m => m.Id == "trend");
        Assert.NotNull(alerts.Active);
        Assert.Null(await Client.AcknowledgeAlertAsync("no-such-alert"));
    }

    [Fact]
    public async Task Calls_Cancelled_StopWithoutACall()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.GetPositionsAsync(cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.WaitForFinalAsync("sdk-final-never", cancelled.Token));
    }

    [Fact]
    public async Task Events_OrderUpdatesAndBreakers_ArriveOnTheSubscriptions()
    {
        var events = _app.Services.GetRequiredService<AriaEvents>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var orders = await events.OrderUpdatesAsync();
        await using var breakers = await events.CircuitBreakersAsync();

        await Client.SubmitOrderAsync(new("sdk-event-1", "EURUSD", OrderSide.Sell, 0.01m, OrderType.Market));
        await Client.HaltAsync("EURUSD", "sdk events");
        await Client.ResumeAsync("EURUSD");
        var filled = await FirstAsync(orders, o => o is { ClientOrderId: "sdk-event-1", Status: OrderStatus.Filled }, timeout.Token);
        var halted = await FirstAsync(breakers, b => b is { Name: "EURUSD", Reason: "sdk events" }, timeout.Token);

        Assert.Equal(0.01m, filled.FilledQuantity);
        Assert.Equal(Grains.Interfaces.Trading.CircuitState.Isolated, halted.To);
    }

    private static async Task<T> FirstAsync<T>(IAsyncEnumerable<T> events, Func<T, bool> match, CancellationToken cancellationToken)
    {
        await foreach (var item in events.WithCancellation(cancellationToken))
        {
            if (match(item))
            {
                return item;
            }
        }

        throw new Xunit.Sdk.XunitException("the subscription ended before the event came");
    }

    [Fact]
    public async Task Connect_NoSiloAtTheGateway_FailsNamingTheGatewayWithinTheTimeout()
    {
        var port = AriaPro.Silo.Hosting.LoopbackPorts.Free();
        using var app = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Critical))
            .ConfigureServices(s => s.AddAriaProClient(o =>
            {
                o.GatewayPort = port;
                o.ConnectTimeout = TimeSpan.FromSeconds(2);
            }))
            .Build();

        var failure = await Record.ExceptionAsync(() => app.StartAsync());

        var unavailable = Assert.IsType<AriaUnavailableException>(failure is AriaUnavailableException ? failure : failure?.InnerException ?? failure);
        Assert.Contains($"127.0.0.1:{port}", unavailable.Message);
    }
}
