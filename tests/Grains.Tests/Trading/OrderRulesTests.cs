using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Tests.Trading;

[Trait("Category", "Unit")]
public sealed class OrderRulesTests
{
    private static bool Known(string symbol) => symbol == "EURUSD";

    [Fact]
    public void Validate_GoodMarketOrder_HasNoErrors() =>
        Assert.Empty(OrderRules.Validate(new("abc-1", "EURUSD", OrderSide.Buy, 1.25m, OrderType.Market), Known));

    [Theory]
    [InlineData("0", "quantity")]
    [InlineData("-1", "quantity")]
    [InlineData("0.001", "quantity")]
    [InlineData("1000.01", "quantity")]
    public void Validate_BadQuantity_NamesQuantity(string quantity, string field)
    {
        var errors = OrderRules.Validate(new("abc", "EURUSD", OrderSide.Buy, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), OrderType.Market), Known);

        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/id")]
    public void Validate_BadClientOrderId_NamesIt(string id) =>
        Assert.Equal(["clientOrderId"], OrderRules.Validate(new(id, "EURUSD", OrderSide.Buy, 1m, OrderType.Market), Known).Keys);

    [Fact]
    public void Validate_OverlongClientOrderId_NamesIt() =>
        Assert.Contains("longer than 64", OrderRules.ClientOrderIdError(new string('a', 65)));

    [Fact]
    public void Validate_UnknownSymbol_NamesSymbol() =>
        Assert.Contains("not traded here", OrderRules.Validate(new("a", "XAUUSD", OrderSide.Buy, 1m, OrderType.Market), Known)["symbol"][0]);

    [Fact]
    public void Validate_LimitWithoutPrice_NamesLimitPrice() =>
        Assert.Equal(["limitPrice"], OrderRules.Validate(new("a", "EURUSD", OrderSide.Buy, 1m, OrderType.Limit), Known).Keys);

    [Fact]
    public void Validate_MarketWithPrice_NamesLimitPrice() =>
        Assert.Equal(["limitPrice"], OrderRules.Validate(new("a", "EURUSD", OrderSide.Buy, 1m, OrderType.Market, 1.1m), Known).Keys);
}
