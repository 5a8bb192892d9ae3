using AriaPro.Grains.MarketData;

namespace AriaPro.Grains.Tests.MarketData;

[Trait("Category", "Unit")]
public sealed class SymbolCatalogTests
{
    [Theory]
    [InlineData("EURUSD", 1.085)]
    [InlineData("GBPUSD", 1.27)]
    [InlineData("USDJPY", 150.0)]
    [InlineData("USDCHF", 0.88)]
    [InlineData("AUDUSD", 0.66)]
    [InlineData("NZDUSD", 0.61)]
    [InlineData("USDCAD", 1.36)]
    public void Get_Major_HasRealisticLevel(string symbol, double expected)
    {
        var info = SymbolCatalog.Get(symbol);

        Assert.Equal((decimal)expected, info.InitialPrice);
        Assert.False(info.IsDerived);
    }

    [Theory]
    [InlineData("EURGBP", 0.8543)]
    [InlineData("EURJPY", 162.75)]
    [InlineData("GBPJPY", 190.5)]
    [InlineData("EURCHF", 0.9548)]
    public void Get_Cross_IsDerivedFromDollarValues(string symbol, double expected)
    {
        var info = SymbolCatalog.Get(symbol);

        Assert.Equal((decimal)expected, info.InitialPrice, 4);
    }

    [Fact]
    public void Get_LowerCaseSymbol_IsNormalized()
    {
        var info = SymbolCatalog.Get(" eurusd ");

        Assert.Equal("EURUSD", info.Symbol);
        Assert.Equal("EUR", info.BaseCurrency);
        Assert.Equal("USD", info.QuoteCurrency);
    }

    [Fact]
    public void Get_UnknownCurrency_IsDeterministicAndPositive()
    {
        var first = SymbolCatalog.Get("ABCXYZ");
        var second = SymbolCatalog.Get("ABCXYZ");

        Assert.True(first.InitialPrice > 0);
        Assert.True(first.IsDerived);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Currency_UnknownCode_UsesStableHashAcrossProcesses()
    {
        var currency = SymbolCatalog.Currency("QQQ");

        // Pinned: string.GetHashCode would change this value on every run.
        Assert.Equal(CurrencyTier.Unknown, currency.Tier);
        Assert.Equal(1m / 7.804m, currency.UsdValue);
    }

    [Fact]
    public void Get_UnknownCurrency_HasWiderSpreadAndHigherVolatilityThanMajors()
    {
        var unknown = SymbolCatalog.Get("USDQQQ");
        var major = SymbolCatalog.Get("EURUSD");

        Assert.True(unknown.Spread / unknown.InitialPrice > major.Spread / major.InitialPrice);
        Assert.True(unknown.AnnualVolatility > major.AnnualVolatility);
    }

    [Fact]
    public void Get_InvalidSymbol_ThrowsArgumentExceptionWithReason()
    {
        var ex = Assert.Throws<ArgumentException>(() => SymbolCatalog.Get("EU-USD"));

        Assert.Contains("'-' at position 3", ex.Message);
    }

    [Theory]
    [InlineData("EURUSD", 0.0001, 5)]
    [InlineData("USDJPY", 0.01, 3)]
    [InlineData("EURJPY", 0.01, 3)]
    [InlineData("USDMXN", 0.0001, 5)]
    [InlineData("USDHUF", 0.01, 3)]
    [InlineData("USDKRW", 0.01, 3)]
    [InlineData("JPYUSD", 0.000001, 7)]
    public void Get_Pair_HasConventionalPipSize(string symbol, double pip, int decimals)
    {
        var info = SymbolCatalog.Get(symbol);

        Assert.Equal((decimal)pip, info.PipSize);
        Assert.Equal(decimals, info.Decimals);
    }

    [Theory]
    [InlineData(12000.0, "USD", 1.0)]
    [InlineData(0.3, "JPY", 0.0001)]
    [InlineData(0.0123, "USD", 0.00001)]
    public void PipSizeFor_UnusualPrice_IsSensible(double price, string quote, double expected)
    {
        var pip = SymbolCatalog.PipSizeFor((decimal)price, quote);

        Assert.Equal((decimal)expected, pip);
    }

    [Fact]
    public void Get_Spreads_GrowFromMajorsToCrossesToExotics()
    {
        var major = SymbolCatalog.Get("EURUSD").SpreadPips;
        var cross = SymbolCatalog.Get("AUDNZD").SpreadPips;
        var exotic = SymbolCatalog.Get("USDTRY").SpreadPips;

        Assert.InRange(major, 0.5m, 1.5m);
        Assert.InRange(cross, 2m, 3m);
        Assert.True(exotic > cross);
    }

    [Fact]
    public void Get_Volatility_IsHigherForJpyCrossesAndExotics()
    {
        var major = SymbolCatalog.Get("EURUSD").AnnualVolatility;
        var jpyCross = SymbolCatalog.Get("AUDJPY").AnnualVolatility;
        var exotic = SymbolCatalog.Get("USDZAR").AnnualVolatility;

        Assert.InRange(major, 0.07, 0.09);
        Assert.True(jpyCross > major);
        Assert.True(exotic > jpyCross);
    }
}
