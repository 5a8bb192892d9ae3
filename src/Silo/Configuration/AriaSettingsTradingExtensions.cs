using AriaPro.Grains.Hosting;

namespace AriaPro.Silo.Configuration;

/// <summary>Hands the grain-side options to the grains' registration.</summary>
public static class AriaSettingsTradingExtensions
{
    /// <summary>The options the grains read.</summary>
    public static TradingConfiguration ToTradingConfiguration(this AriaSettings settings) => new()
    {
        Trader = settings.Trader,
        MarketData = settings.MarketData,
        PaperBroker = settings.PaperBroker,
        AutoTrader = settings.AutoTrader,
        Risk = settings.Risk,
        ModelHealth = settings.ModelHealth,
    };
}
