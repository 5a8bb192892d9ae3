using AriaPro.Cli;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Silo.Tests.Cli;

[Trait("Category", "Unit")]
public sealed class CliParserTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void Parse_MarketSubmit_BuildsOrderRequest()
    {
        var result = Parse("submit", "--id", "ord-1", "--symbol", "eurusd", "--side", "buy", "--qty", "1.5");

        Assert.True(result.IsSuccess, result.Error);
        var submit = Assert.IsType<SubmitCommand>(result.Command);
        Assert.Equal(new OrderRequest("ord-1", "EURUSD", OrderSide.Buy, 1.5m, OrderType.Market, null, "cli"), submit.Request);
    }

    [Fact]
    public void Parse_LimitSubmitWithEqualsSyntax_BuildsLimitOrder()
    {
        var result = Parse("submit", "--id=ord-2", "--symbol=GBPUSD", "--side=Sell", "--qty=0.01", "--type=Limit", "--limit=1.2705");

        var submit = Assert.IsType<SubmitCommand>(result.Command);
        Assert.Equal(OrderType.Limit, submit.Request.Type);
        Assert.Equal(1.2705m, submit.Request.LimitPrice);
        Assert.Equal(OrderSide.Sell, submit.Request.Side);
    }

    [Fact]
    public void Parse_LimitWithoutType_InfersLimitOrder()
    {
        var result = Parse("submit", "--id", "a", "--symbol", "USDJPY", "--side", "Buy", "--qty", "1", "--limit", "150.25");

        Assert.Equal(OrderType.Limit, Assert.IsType<SubmitCommand>(result.Command).Request.Type);
    }

    [Theory]
    [InlineData(new[] { "order", "ord-1" }, typeof(OrderCommand))]
    [InlineData(new[] { "cancel", "ord-1" }, typeof(CancelCommand))]
    [InlineData(new[] { "positions" }, typeof(PositionsCommand))]
    [InlineData(new[] { "symbol", "usdjpy" }, typeof(SymbolCommand))]
    [InlineData(new[] { "breaker", "reset", "EURUSD" }, typeof(BreakerCommand))]
    [InlineData(new[] { "help" }, typeof(HelpCommand))]
    [InlineData(new[] { "--help" }, typeof(HelpCommand))]
    [InlineData(new[] { "positions", "-h" }, typeof(HelpCommand))]
    public void Parse_ValidCommand_ReturnsCommandType(string[] args, Type expected)
    {
        var result = Parse(args);

        Assert.True(result.IsSuccess, result.Error);
        Assert.IsType(expected, result.Command);
    }

    [Fact]
    public void Parse_SymbolCommand_UpperCasesSymbol()
    {
        var result = Parse("symbol", "usdjpy");

        Assert.Equal(new SymbolCommand("USDJPY"), result.Command);
    }

    [Fact]
    public void Parse_BreakerHaltWithReason_KeepsReason()
    {
        var result = Parse("breaker", "HALT", "gbpusd", "--reason", "news at 14:30");

        Assert.Equal(new BreakerCommand(BreakerAction.Halt, "GBPUSD", "news at 14:30"), result.Command);
    }

    [Fact]
    public void Parse_NoConnectionOptions_UsesLocalhostDefaults()
    {
        var result = Parse("positions");

        Assert.Equal(new ConnectionSettings(null, 30000, "aria", "ariapro"), result.Connection);
    }

    [Fact]
    public void Parse_GlobalOptionsAnywhere_OverrideEnvironment()
    {
        var environment = new Dictionary<string, string?> { ["ARIA_REDIS"] = "env-redis:6379", ["ARIA_GATEWAY_PORT"] = "30005" };

        var result = CliParser.Parse(["positions", "--redis", "redis:6379", "--gateway-port", "30001"], environment.GetValueOrDefault);

        Assert.Equal(new ConnectionSettings("redis:6379", 30001, "aria", "ariapro"), result.Connection);
    }

    [Fact]
    public void Parse_EnvironmentOnly_SuppliesConnection()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ARIA_REDIS"] = "redis:6379", ["ARIA_GATEWAY_PORT"] = "30002", ["ARIA_CLUSTER_ID"] = "prod", ["ARIA_SERVICE_ID"] = "svc",
        };

        var result = CliParser.Parse(["positions"], environment.GetValueOrDefault);

        Assert.Equal(new ConnectionSettings("redis:6379", 30002, "prod", "svc"), result.Connection);
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        { [], "no command" },
        { ["frobnicate"], "unknown command 'frobnicate'" },
        { ["positions", "extra"], "positions takes no arguments" },
        { ["positions", "--verbose", "1"], "unknown option --verbose" },
        { ["order"], "order needs exactly one order id" },
        { ["order", "a", "b"], "order needs exactly one order id" },
        { ["cancel"], "cancel needs exactly one order id" },
        { ["symbol"], "symbol needs exactly one symbol" },
        { ["symbol", "EURO"], "symbol: 'EURO' is not a symbol" },
        { ["breaker", "reset"], "breaker needs an action" },
        { ["breaker", "explode", "EURUSD"], "'explode' must be reset, halt or resume" },
        { ["breaker", "reset", "EURUSD", "--reason", "x"], "--reason is only allowed with breaker halt" },
        { ["breaker", "halt", "EUR-USD"], "breaker: 'EUR-USD' is not a symbol" },
        { ["submit", "--symbol", "EURUSD", "--side", "Buy", "--qty", "1"], "submit needs --id" },
        { ["submit", "--id", "a", "--side", "Buy", "--qty", "1"], "submit needs --symbol" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--qty", "1"], "submit needs --side" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Buy"], "submit needs --qty" },
        { ["submit", "--id", " ", "--symbol", "EURUSD", "--side", "Buy", "--qty", "1"], "submit needs --id" },
        { ["submit", "--id", "a", "--symbol", "EUR", "--side", "Buy", "--qty", "1"], "--symbol: 'EUR' is not a symbol" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Long", "--qty", "1"], "--side: 'Long' must be Buy or Sell" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "1", "--qty", "1"], "--side: '1' must be Buy or Sell" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Buy", "--qty", "0"], "--qty: '0' must be a positive number" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Buy", "--qty", "-1"], "--qty: '-1' must be a positive number" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Buy", "--qty", "1,5"], "--qty: '1,5' must be a positive number" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Buy", "--qty", "x"], "--qty: 'x' must be a positive number" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Buy", "--qty", "1", "--type", "Stop"], "--type: 'Stop' must be Market or Limit" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Buy", "--qty", "1", "--type", "Limit"], "--type Limit needs --limit" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Buy", "--qty", "1", "--type", "Market", "--limit", "1.1"], "--limit is only allowed with --type Limit" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Buy", "--qty", "1", "--limit", "0"], "--limit: '0' must be a positive price" },
        { ["submit", "--id", "a", "--symbol", "EURUSD", "--side", "Buy", "--qty", "1", "--colour", "red"], "unknown option --colour for submit" },
        { ["submit", "extra", "--id", "a", "--symbol", "EURUSD", "--side", "Buy", "--qty", "1"], "submit takes options only" },
        { ["submit", "--id", "a", "--id", "b"], "--id is given more than once" },
        { ["submit", "--id"], "--id needs a value" },
        { ["submit", "--id", "--symbol", "EURUSD"], "--id needs a value" },
        { ["positions", "--gateway-port", "0"], "--gateway-port: '0' must be a port" },
        { ["positions", "--gateway-port", "70000"], "--gateway-port: '70000' must be a port" },
        { ["positions", "--gateway-port", "abc"], "--gateway-port: 'abc' must be a port" },
        { ["positions", "--redis"], "--redis needs a value" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Parse_BadArguments_ReturnsError(string[] args, string expectedError)
    {
        var result = Parse(args);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Command);
        Assert.Contains(expectedError, result.Error);
    }

    [Fact]
    public void Parse_BadGatewayPortInEnvironment_NamesVariable()
    {
        var environment = new Dictionary<string, string?> { ["ARIA_GATEWAY_PORT"] = "port" };

        var result = CliParser.Parse(["positions"], environment.GetValueOrDefault);

        Assert.Equal("ARIA_GATEWAY_PORT: 'port' must be a port from 1 to 65535", result.Error);
    }

    private static CliParseResult Parse(params string[] args) => CliParser.Parse(args, NoEnvironment.GetValueOrDefault);
}
