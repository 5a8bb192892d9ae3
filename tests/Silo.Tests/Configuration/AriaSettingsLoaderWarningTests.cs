using AriaPro.Silo.Configuration;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class AriaSettingsLoaderWarningTests
{
    [Fact]
    public void Load_SymbolWithoutLimit_WarnsAndLimitsToZero()
    {
        var result = TestSettings.Load((AriaVariables.Symbols, "EURUSD,GBPUSD,USDJPY,AUDUSD"));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("AUTO_TRADE_POS_LIMITS: AUDUSD ", warning);
        Assert.Contains("cannot open positions", warning);
        Assert.Equal(0m, result.Settings.Trader.LimitFor("AUDUSD"));
    }

    [Fact]
    public void Load_LimitForUntradedSymbol_Warns()
    {
        var result = TestSettings.Load((AriaVariables.Symbols, "EURUSD,GBPUSD"));

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("USDJPY", warning);
    }

    [Fact]
    public void Load_InvalidSymbols_SkipsWarnings()
    {
        var result = TestSettings.Load((AriaVariables.Symbols, "EURUSD,,AUDUSD"));

        Assert.False(result.IsValid);
        Assert.Empty(result.Warnings);
    }
}
