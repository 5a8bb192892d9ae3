using AriaPro.Core.Trading;
using AriaPro.Grains.Brokers;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Risk;
using AriaPro.Grains.Signals;
using AriaPro.Grains.Trading;

namespace AriaPro.Grains.Hosting;

/// <summary>The options the grains read, one object per concern.</summary>
public sealed class TradingConfiguration
{
    public TraderOptions Trader { get; init; } = new();
    public MarketDataOptions MarketData { get; init; } = new();
    public PaperBrokerOptions PaperBroker { get; init; } = new();
    public AutoTraderOptions AutoTrader { get; init; } = new();
    public RiskOptions Risk { get; init; } = new();
    public ModelHealthOptions ModelHealth { get; init; } = new();
}
