using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

[Trait("Category", "Unit")]
public sealed class ExposureVarTests
{
    [Fact]
    public void Z_95Percent_IsTheStandardNormalQuantile() =>
        Assert.Equal(1.6448536269514715, ExposureVar.Z(0.95), 12);

    [Fact]
    public void Of_LongAndShortNotional_SameLoss()
    {
        var z = ExposureVar.Z(0.95);

        var longVar = ExposureVar.Of("EURUSD", 1_000_000m, z);
        var shortVar = ExposureVar.Of("EURUSD", -1_000_000m, z);

        Assert.Equal(longVar, shortVar);
        Assert.Equal((double)longVar, 1_000_000 * z * ExposureVar.DailyVolatility("EURUSD"), 6);
    }

    [Fact]
    public void DailyVolatility_IsAnnualOverRootOf252() =>
        Assert.Equal(AriaPro.Grains.MarketData.SymbolCatalog.Get("USDJPY").AnnualVolatility / Math.Sqrt(252), ExposureVar.DailyVolatility("USDJPY"), 15);
}
