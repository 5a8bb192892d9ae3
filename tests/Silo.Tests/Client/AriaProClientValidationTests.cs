using AriaPro.Client;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Silo.Tests.Client;

[Trait("Category", "Unit")]
public sealed class AriaProClientValidationTests
{
    // An id that cannot name an order grain: the SDK answers itself, with every rule the request breaks.
    public static TheoryData<OrderRequest> BadIds => new()
    {
        new OrderRequest("", "EURUSD", OrderSide.Buy, 1m, OrderType.Market),
        new OrderRequest("  ", "eurusd", OrderSide.Buy, 0m, OrderType.Market),
        new OrderRequest("a b", "EURUSD", OrderSide.Buy, 1m, OrderType.Limit),
        new OrderRequest("a\n", "EUR", OrderSide.Buy, 1m, OrderType.Market),
        new OrderRequest(new string('a', 65), "EURUSD", OrderSide.Buy, 1m, OrderType.Market),
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task SubmitOrderAsync_UnusableClientOrderId_ThrowsEveryRuleItBreaksBeforeAnyGrainCall(OrderRequest request)
    {
        var (factory, recorder) = RecordingGrainFactory.Create();
        var client = new AriaProClient(factory);

        var refused = await Assert.ThrowsAsync<OrderRejectedException>(() => client.SubmitOrderAsync(request));

        Assert.Empty(recorder.Calls);
        Assert.Equal(OrderRules.Validate(request with { Symbol = request.Symbol.ToUpperInvariant() }, s => s.Length == 6), refused.Errors);
        Assert.Contains("clientOrderId", refused.Errors.Keys);
    }

    [Fact]
    public async Task SubmitOrderAsync_NullRequest_ThrowsArgumentNull()
    {
        var (factory, _) = RecordingGrainFactory.Create();
        var client = new AriaProClient(factory);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.SubmitOrderAsync(null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task GetAndCancelOrderAsync_EmptyId_ThrowBeforeAnyGrainCall(string id)
    {
        var (factory, recorder) = RecordingGrainFactory.Create();
        var client = new AriaProClient(factory);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetOrderAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CancelOrderAsync(id));

        Assert.Empty(recorder.Calls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("EUR")]
    [InlineData("EUR/USD")]
    public async Task SymbolCalls_BadSymbol_ThrowBeforeAnyGrainCall(string symbol)
    {
        var (factory, recorder) = RecordingGrainFactory.Create();
        var client = new AriaProClient(factory);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetSymbolAsync(symbol));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ResetCircuitBreakerAsync(symbol));
        await Assert.ThrowsAsync<ArgumentException>(() => client.HaltAsync(symbol));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ResumeAsync(symbol));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetSignalAsync(symbol));

        Assert.Empty(recorder.Calls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Validate_BadGatewayPort_Throws(int port)
    {
        var options = new AriaProClientOptions { GatewayPort = port };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(nameof(AriaProClientOptions.GatewayPort), error.ParamName);
    }

    [Fact]
    public void Defaults_MatchSiloDefaults()
    {
        var options = new AriaProClientOptions();

        Assert.Null(options.Redis);
        Assert.Equal(30000, options.GatewayPort);
        Assert.Equal("aria", options.ClusterId);
        Assert.Equal("ariapro", options.ServiceId);
    }
}
