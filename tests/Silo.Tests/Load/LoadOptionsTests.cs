using AriaPro.Load;

namespace AriaPro.Silo.Tests.Load;

[Trait("Category", "Unit")]
public sealed class LoadOptionsTests
{
    [Fact]
    public void Parse_NoArguments_RunsBothModesAgainstAnEmbeddedSilo()
    {
        var (options, problem) = LoadOptions.Parse([]);

        Assert.Null(problem);
        Assert.Equal(LoadOptions.RunCommand, options!.Command);
        Assert.True(options.IsEmbedded);
        Assert.True(options.RunsOrleans);
        Assert.True(options.RunsHttp);
        Assert.Null(options.Rate);
        Assert.Equal([0.5, 0.9], options.Fractions);
    }

    [Fact]
    public void Parse_Soak_DefaultsToThirtySymbolsAndTenMinutes()
    {
        var (options, _) = LoadOptions.Parse(["soak"]);

        Assert.Equal(LoadOptions.SoakCommand, options!.Command);
        Assert.Equal(30, options.Symbols);
        Assert.Equal(10, options.Minutes);
    }

    [Fact]
    public void Parse_RateAndOperations_AreKept()
    {
        var (options, problem) = LoadOptions.Parse(["--rate", "2500", "--ops", "orders,noop-grain", "--mode", "orleans"]);

        Assert.Null(problem);
        Assert.Equal(2500, options!.Rate);
        Assert.Equal(["orders", "noop-grain"], options.Operations);
        Assert.False(options.RunsHttp);
    }

    [Theory]
    [InlineData("--mode", "grpc", "--mode must be orleans, http or both")]
    [InlineData("--ops", "orders,teleport", "unknown operation(s) teleport")]
    [InlineData("--concurrency", "0", "--concurrency must be a whole number from 1")]
    [InlineData("--symbols", "31", "--symbols must be a whole number from 1 to 30")]
    [InlineData("--rate", "fast", "--rate must be a number")]
    [InlineData("--fractions", "0.5,1.5", "--fractions must be numbers above 0 and at most 1")]
    [InlineData("--url", "ftp://silo", "is not an http(s) address")]
    [InlineData("--start-silos", "2", "--start-silos needs --redis")]
    [InlineData("--bogus", "1", "unknown option --bogus")]
    public void Parse_BadArgument_NamesIt(string name, string value, string expected)
    {
        var (options, problem) = LoadOptions.Parse([name, value]);

        Assert.Null(options);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OptionWithoutValue_SaysSo()
    {
        var (_, problem) = LoadOptions.Parse(["--duration"]);

        Assert.Equal("--duration needs a value", problem);
    }

    [Fact]
    public void Parse_GatewayWithoutUrlInHttpMode_AsksForTheUrl()
    {
        var (_, problem) = LoadOptions.Parse(["--gateway", "30000"]);

        Assert.Contains("needs --url", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GatewayInOrleansMode_IsAnExternalTarget()
    {
        var (options, problem) = LoadOptions.Parse(["--gateway", "30000", "--mode", "orleans"]);

        Assert.Null(problem);
        Assert.False(options!.IsEmbedded);
        Assert.Equal(30000, options.GatewayPort);
    }
}
