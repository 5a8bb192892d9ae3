using AriaPro.Core.Trading;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Trading;

namespace AriaPro.Grains.Risk;

/// <summary>
/// Converts a symbol's quote-currency amounts into the account currency (US dollars). Pairs quoted
/// in dollars need nothing; dollar-based pairs (USDJPY) divide by their own price; crosses use the
/// catalog's dollar value of the quote currency, a close approximation for risk figures.
/// </summary>
public static class AccountMoney
{
    /// <summary>A quote-currency amount of <paramref name="symbol"/> in US dollars, at the pair's <paramref name="price"/>.</summary>
    public static decimal ToUsd(string symbol, decimal quoteAmount, decimal price)
    {
        var info = SymbolCatalog.Get(symbol);
        if (info.QuoteCurrency == "USD")
        {
            return quoteAmount;
        }

        if (info.BaseCurrency == "USD" && price > 0m)
        {
            return quoteAmount / price;
        }

        return quoteAmount * SymbolCatalog.Currency(info.QuoteCurrency).UsdValue;
    }

    /// <summary>Signed notional of <paramref name="lots"/> in US dollars.</summary>
    public static decimal Notional(string symbol, decimal lots, decimal price) =>
        ToUsd(symbol, lots * TraderDefaults.ContractSize * price, price);
}
