using System.Text.Json;
using System.Text.RegularExpressions;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Cli;

/// <summary>aria positions, orders and symbol against a real silo over HTTP.</summary>
[Trait("Category", "Integration")]
[Collection(CliHostCollection.Name)]
public sealed class CliTradingTests(HostFixture fixture)
{
    private CliRun Admin() => CliRun.For(fixture.Host.Http.BaseAddress!, fixture.Host.Token);

    [Fact]
    public async Task Positions_Default_ShowsEverySymbolInATable()
    {
        using var cli = Admin();

        var table = await cli.RunAsync("positions");
        var json = await cli.RunAsync("positions", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Positions", table.Out);
        Assert.Contains("Unrealized", table.Out);
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var symbols = document.RootElement.EnumerateArray().Select(p => p.GetProperty("symbol").GetString()).ToList();
        Assert.Equal(["EURUSD", "GBPUSD", "USDJPY"], symbols.Order());
        foreach (var symbol in symbols)
        {
            Assert.Contains(symbol!, table.Out);
        }
    }

    [Fact]
    public async Task OrdersSubmit_Wait_ShowsTheFinalStateAndTheFill()
    {
        using var cli = Admin();

        var table = await cli.RunAsync("orders", "submit", "--symbol", "EURUSD", "--side", "buy", "--qty", "0.01", "--id", "cli-wait-1", "--wait");
        var json = await cli.RunAsync("orders", "submit", "--symbol", "EURUSD", "--side", "sell", "--qty", "0.01", "--id", "cli-wait-2", "--wait", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"Status\W+Filled", table.Out);
        Assert.DoesNotContain("Submitted", table.Out); // the title says what became of it
        Assert.Equal(0, json.ExitCode);
        using var order = JsonDocument.Parse(json.Out);
        Assert.Equal("Filled", order.RootElement.GetProperty("status").GetString());
        Assert.Equal(0.01m, order.RootElement.GetProperty("filledQuantity").GetDecimal());
    }

    [Fact]
    public async Task Flatten_ASymbol_ClosesItsPositionWithAFlattenOrder_AndWithoutASymbolOrAllSaysWhatToGive()
    {
        using var cli = Admin();
        await Http.HttpJson.PostOrder(fixture.Host.Http, Http.HttpJson.Order("cli-flatten-open", "USDJPY", "Buy", 0.5m), System.Net.HttpStatusCode.Created);
        await Http.HttpJson.WaitForStatus(fixture.Host.Http, "cli-flatten-open", "Filled");

        var flatten = await cli.RunAsync("flatten", "USDJPY", "--json");
        var neither = await cli.RunAsync("flatten");
        var both = await cli.RunAsync("flatten", "USDJPY", "--all");

        Assert.Equal(0, flatten.ExitCode);
        using (var result = JsonDocument.Parse(flatten.Out))
        {
            var order = result.RootElement[0].GetProperty("order");
            Assert.StartsWith("flatten-USDJPY-", order.GetProperty("clientOrderId").GetString());
            Assert.Equal("Sell", order.GetProperty("side").GetString());
            Assert.Equal("flatten", order.GetProperty("source").GetString());
            await Http.HttpJson.WaitForStatus(fixture.Host.Http, order.GetProperty("clientOrderId").GetString()!, "Filled");
        }

        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("give either a symbol or --all", neither.Error);
        Assert.Equal(2, both.ExitCode);
    }

    [Fact]
    public async Task OrdersSubmit_LimitOrderWithId_ShowsIt_ResubmitIsIdempotent_CancelCancels()
    {
        using var cli = Admin();
        string[] submit = ["orders", "submit", "--symbol", "EURUSD", "--side", "buy", "--qty", "0.5", "--type", "limit", "--price", "0.5", "--id", "cli-limit-1"];

        var first = await cli.RunAsync(submit);
        var again = await cli.RunAsync(submit);
        var shown = await cli.RunAsync("orders", "show", "cli-limit-1", "--json");
        var cancelled = await cli.RunAsync("orders", "cancel", "cli-limit-1");
        var after = await cli.RunAsync("orders", "show", "cli-limit-1", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Submitted", first.Out);
        Assert.Contains("cli-limit-1", first.Out);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Already submitted", again.Out);
        Assert.Equal(0, shown.ExitCode);
        using (var order = JsonDocument.Parse(shown.Out))
        {
            Assert.Equal("Limit", order.RootElement.GetProperty("type").GetString());
            Assert.Equal(0.5m, order.RootElement.GetProperty("quantity").GetDecimal());
        }

        Assert.Equal(0, cancelled.ExitCode);
        Assert.Contains("Cancelled", cancelled.Out);
        using var final = JsonDocument.Parse(after.Out);
        Assert.Equal("Cancelled", final.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OrdersSubmit_HaltedSymbol_TitledDeniedWithTheReasonAndResumeSaysResumed()
    {
        using var cli = Admin();
        Assert.Equal(0, (await cli.RunAsync("symbol", "halt", "USDJPY", "--reason", "cli denial test")).ExitCode);

        var denied = await cli.RunAsync("orders", "submit", "--symbol", "USDJPY", "--side", "buy", "--qty", "0.01", "--id", "cli-denied-1");
        var shown = await cli.RunAsync("symbol", "show", "USDJPY");
        var resumed = await cli.RunAsync("symbol", "resume", "USDJPY", "--json");

        Assert.Contains("Denied: ", denied.Out);
        Assert.Contains("cli denial test", denied.Out);
        Assert.DoesNotContain("Submitted", denied.Out);
        Assert.Contains("Breaker reason", shown.Out);
        Assert.Contains("cli denial test", shown.Out);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal("Closed", JsonDocument.Parse(resumed.Out).RootElement.GetProperty("circuitBreaker").GetProperty("state").GetString());
    }

    [Fact]
    public async Task OrdersSubmit_SameIdDifferentOrder_ExitsOneAndSubmitsNothingNew()
    {
        using var cli = Admin();
        Assert.Equal(0, (await cli.RunAsync("orders", "submit", "--symbol", "EURUSD", "--side", "buy", "--qty", "0.01", "--type", "limit", "--price", "0.5", "--id", "cli-conflict-1")).ExitCode);

        var result = await cli.RunAsync("orders", "submit", "--symbol", "EURUSD", "--side", "sell", "--qty", "0.02", "--id", "cli-conflict-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("aria: Client order id already used: client order id 'cli-conflict-1' is already used for a different order (Buy 0.01 EURUSD Limit at 0.5, Accepted); " +
            "this request differs in side, quantity, type, limitPrice. Send the same request again to read that order back, or use a new client order id for a new order",
            Assert.Single(result.ErrorLines));
        var cancelled = await cli.RunAsync("orders", "cancel", "cli-conflict-1", "--json");
        using var order = JsonDocument.Parse(cancelled.Out);
        Assert.Equal(0.01m, order.RootElement.GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task OrdersCancel_UnknownOrder_ExitsOneWithThe404Line()
    {
        using var cli = Admin();

        var result = await cli.RunAsync("orders", "cancel", "cli-never-submitted");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("aria: Unknown order: no order has client order id 'cli-never-submitted'", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task OrdersSubmit_NoId_PrintsTheGeneratedId_WhichShowFinds()
    {
        using var cli = Admin();

        var submitted = await cli.RunAsync("orders", "submit", "--symbol", "GBPUSD", "--side", "sell", "--qty", "0.01");

        Assert.Equal(0, submitted.ExitCode);
        Assert.Empty(submitted.Error);
        var id = Regex.Match(submitted.Out, @"cli-\d{8}T\d{6}-[0-9a-f]{8}").Value;
        Assert.NotEmpty(id);
        var shown = await cli.RunAsync("orders", "show", id, "--json");
        Assert.Equal(0, shown.ExitCode);
        using var order = JsonDocument.Parse(shown.Out);
        Assert.Equal("GBPUSD", order.RootElement.GetProperty("symbol").GetString());
        Assert.Equal("Sell", order.RootElement.GetProperty("side").GetString());
    }

    [Fact]
    public async Task OrdersSubmit_NoIdAndNoSilo_SaysWhichIdMakesTheRetrySafe()
    {
        using var cli = CliRun.For(new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}"), token: "any");

        var result = await cli.RunAsync("orders", "submit", "--symbol", "GBPUSD", "--side", "sell", "--qty", "0.01");

        Assert.Equal(3, result.ExitCode);
        Assert.Matches(@"^aria: cannot reach http://127\.0\.0\.1:\d+: connection refused; the order may have arrived: retry with --id cli-\d{8}T\d{6}-[0-9a-f]{8} so it cannot trade twice$",
            Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task OrdersSubmit_QuantityOffTheLotStep_PrintsTheSilosValidationLine_AndSubmitsNothing()
    {
        using var cli = Admin();

        var result = await cli.RunAsync("orders", "submit", "--symbol", "EURUSD", "--side", "buy", "--qty", "0.001", "--id", "cli-bad-qty");
        var shown = await cli.RunAsync("orders", "show", "cli-bad-qty");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("aria: The order request is invalid: quantity must be a multiple of 0.01 lots", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
        Assert.Equal(1, shown.ExitCode);
        Assert.Equal("aria: Unknown order: no order has client order id 'cli-bad-qty'", Assert.Single(shown.ErrorLines));
    }

    [Fact]
    public async Task OrdersSubmit_UnreadableQuantity_IsAUsageError()
    {
        using var cli = Admin();

        var result = await cli.RunAsync("orders", "submit", "--symbol", "EURUSD", "--side", "buy", "--qty", "half");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("aria: ", line);
        Assert.Contains("half", line);
        Assert.EndsWith("(see aria orders submit --help)", line);
    }

    [Fact]
    public async Task Symbol_HaltShowResumeReset_EachStateVisibleAfterwards()
    {
        using var cli = Admin();

        var halted = await cli.RunAsync("symbol", "halt", "USDJPY", "--reason", "cli test");
        var shownHalted = await cli.RunAsync("symbol", "show", "USDJPY", "--json");
        var resumed = await cli.RunAsync("symbol", "resume", "USDJPY");
        var shownResumed = await cli.RunAsync("symbol", "show", "USDJPY", "--json");
        var reset = await cli.RunAsync("symbol", "reset", "USDJPY");

        Assert.Equal(0, halted.ExitCode);
        Assert.Contains("Isolated", halted.Out);
        Assert.Equal("Isolated", Breaker(shownHalted.Out));
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal("Closed", Breaker(shownResumed.Out));
        Assert.Equal(0, reset.ExitCode);
        Assert.Contains("Closed", reset.Out);
        Assert.Contains("Active", reset.Out);
    }

    [Fact]
    public async Task SymbolShow_UnknownSymbol_ExitsOneWithTheSilosLine()
    {
        using var cli = Admin();

        var result = await cli.RunAsync("symbol", "show", "XAUUSD");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("aria: ", line);
        Assert.Contains("XAUUSD", line);
    }

    private static string? Breaker(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("circuitBreaker").GetProperty("state").GetString();
    }
}
