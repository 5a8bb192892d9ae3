using AriaPro.Grains.Hosting;
using AriaPro.Grains.Security;

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

    /// <summary>The signing-key ring's options (<c>JWT_*</c>, <c>ARIA_MASTER_KEY</c>).</summary>
    public static JwtKeyRingOptions ToJwtKeyRingOptions(this AriaSettings settings) => new()
    {
        Rotation = settings.JwtRotation.Rotation,
        Overlap = settings.JwtRotation.Overlap,
        MaxSecrets = settings.JwtRotation.MaxSecrets,
        MasterKey = settings.JwtRotation.MasterKey,
    };
}
