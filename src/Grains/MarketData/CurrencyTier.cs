namespace AriaPro.Grains.MarketData;

/// <summary>How liquid a currency is; drives typical spreads and volatility of its pairs.</summary>
public enum CurrencyTier
{
    /// <summary>USD, EUR, GBP, JPY.</summary>
    Major,

    /// <summary>CHF, AUD, NZD, CAD.</summary>
    Commodity,

    /// <summary>Liquid minors: Scandinavian, Asian financial centres, central Europe.</summary>
    Minor,

    /// <summary>Emerging-market currencies.</summary>
    Exotic,

    /// <summary>A code the catalog does not know; its level is derived from a stable hash.</summary>
    Unknown,
}
