using AriaPro.Cli;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Cli;

/// <summary>The aria CLI against a real silo's gateway.</summary>
[Trait("Category", "Integration")]
public sealed class CliEndToEndTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task SubmitThenSymbolThenPositions_PrintsWhatTheSiloHolds()
    {
        var port = fixture.Host.Settings.Hosting.GatewayPort.ToString();

        var (submitCode, submitOut, _) = await Run("submit", "--id", "cli-1", "--symbol", "USDJPY", "--side", "Sell", "--qty", "0.5", "--gateway-port", port);
        var (symbolCode, symbolOut, _) = await Run("symbol", "USDJPY", "--gateway-port", port);
        var (positionsCode, positionsOut, _) = await Run("positions", "--gateway-port", port);

        Assert.Equal(0, submitCode);
        Assert.Contains("cli-1", submitOut);
        Assert.Equal(0, symbolCode);
        Assert.Contains("USDJPY", symbolOut);
        Assert.Contains("Closed", symbolOut);
        Assert.Equal(0, positionsCode);
        Assert.Contains("GBPUSD", positionsOut);
    }

    [Fact]
    public async Task Order_UnknownId_ExitsOne()
    {
        var (code, _, error) = await Run("order", "cli-never", "--gateway-port", fixture.Host.Settings.Hosting.GatewayPort.ToString());

        Assert.Equal(1, code);
        Assert.Contains("cli-never", error);
    }

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        var parsed = CliParser.Parse(args, _ => null);
        Assert.True(parsed.IsSuccess, parsed.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await ClusterSession.RunAsync(parsed.Connection, parsed.Command!, output, error);

        return (code, output.ToString(), error.ToString());
    }
}
