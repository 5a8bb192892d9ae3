using AriaPro.Client;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AriaPro.Silo.Tests.Client;

/// <summary>The client SDK connecting to a real silo through its gateway, as another .NET app would.</summary>
[Trait("Category", "Integration")]
public sealed class AriaProClientTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task SubmitOrder_ThroughGateway_IsIdempotentAndVisibleInPositions()
    {
        using var app = await ConnectAsync();
        var client = app.Services.GetRequiredService<AriaProClient>();
        var request = new OrderRequest("sdk-1", "EURUSD", OrderSide.Buy, 1m, OrderType.Market);

        var first = await client.SubmitOrderAsync(request);
        var second = await client.SubmitOrderAsync(request);
        var symbol = await client.GetSymbolAsync("eurusd");
        await app.StopAsync();

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.Order.CreatedAt, second.Order.CreatedAt);
        Assert.Equal("EURUSD", symbol.Symbol);
        Assert.Equal(2m, symbol.PositionLimit);
    }

    [Fact]
    public async Task SubmitOrder_UsedIdForADifferentOrder_ThrowsTypedConflictNamingTheFields()
    {
        using var app = await ConnectAsync();
        var client = app.Services.GetRequiredService<AriaProClient>();
        await client.SubmitOrderAsync(new("sdk-conflict", "GBPUSD", OrderSide.Buy, 0.5m, OrderType.Market));

        var conflict = await Assert.ThrowsAsync<ClientOrderIdConflictException>(
            () => client.SubmitOrderAsync(new("sdk-conflict", "GBPUSD", OrderSide.Sell, 0.5m, OrderType.Market)));
        var again = await client.SubmitOrderAsync(new("sdk-conflict", "gbpusd", OrderSide.Buy, 0.50m, OrderType.Market));
        await app.StopAsync();

        Assert.Equal(["side"], conflict.Fields);
        Assert.True(again.Duplicate);
        Assert.Equal(OrderSide.Buy, again.Order.Side);
    }

    [Fact]
    public async Task SubmitOrder_BadQuantity_RefusedBeforeAnyGrainCall()
    {
        var client = new AriaProClient(fixture.Host.Grains);

        var refused = await Assert.ThrowsAsync<OrderRejectedException>(() => client.SubmitOrderAsync(new("sdk-bad", "EURUSD", OrderSide.Buy, 0m, OrderType.Market)));
        Assert.Equal(["quantity must be greater than zero"], refused.Errors["quantity"]);
        Assert.Null(await client.GetOrderAsync("sdk-bad"));
    }

    // The SDK as another .NET app uses it: a host of its own, connected through the gateway.
    private async Task<IHost> ConnectAsync()
    {
        var app = Host.CreateDefaultBuilder()
            .ConfigureServices(s => s.AddAriaProClient(o =>
            {
                o.GatewayPort = fixture.Host.Settings.Hosting.GatewayPort;
                o.ApiKey = TestAuth.AdminKey;
            }))
            .Build();
        await app.StartAsync();
        return app;
    }
}
