using AriaPro.Grains.MarketData;
using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

[Trait("Category", "Unit")]
public sealed class AccountMoneyTests
{
    [Fact]
    public void ToUsd_DollarQuoted_Unchanged() => Assert.Equal(123.45m, AccountMoney.ToUsd("EURUSD", 123.45m, 1.1m));

    [Fact]
    public void ToUsd_DollarBased_DividesByPrice() => Assert.Equal(100m, AccountMoney.ToUsd("USDJPY", 15_000m, 150m));

    [Fact]
    public void ToUsd_Cross_UsesQuoteCurrencyDollarValue() =>
        Assert.Equal(1_000m * SymbolCatalog.Currency("GBP").UsdValue, AccountMoney.ToUsd("EURGBP", 1_000m, 0.85m));

    [Fact]
    public void Notional_OneLotUsdJpy_IsOneHundredThousandDollars() =>
        Assert.Equal(100_000m, AccountMoney.Notional("USDJPY", 1m, 150m));

    [Fact]
    public void Notional_ShortEurUsd_IsNegative() =>
        Assert.Equal(-217_000m, AccountMoney.Notional("EURUSD", -2m, 1.085m));
}
