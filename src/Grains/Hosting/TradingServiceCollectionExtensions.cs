using AriaPro.Grains.Brokers;
using AriaPro.Grains.Locks;
using AriaPro.Grains.Events;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Monitoring;
using AriaPro.Grains.Risk;
using AriaPro.Grains.Signals;
using AriaPro.Grains.Signals.Models;
using AriaPro.Grains.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Hosting;

/// <summary>Registers what the grains need on a silo.</summary>
public static class TradingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the options, the market feeds, the paper broker, the model catalog (and the service that
    /// keeps it on the cluster's model manifest) and the trading clock. Pass a
    /// <paramref name="time"/> only to drive trading time in tests; the runtime keeps real time.
    /// </summary>
    public static IServiceCollection AddAriaProTrading(this IServiceCollection services, TradingConfiguration configuration, TimeProvider? time = null)
    {
        services.AddSingleton(Options.Create(configuration.Trader));
        services.AddSingleton(Options.Create(configuration.MarketData));
        services.AddSingleton(Options.Create(configuration.AutoTrader));
        services.AddSingleton(Options.Create(configuration.Risk));
        services.AddSingleton(Options.Create(configuration.ModelHealth));
        services.AddSingleton(configuration.PaperBroker);
        services.AddKeyedSingleton(AriaClock.Key, time ?? TimeProvider.System);
        services.AddSingleton<MarketFeedFactory>();
        services.AddSingleton<ModelCatalog>();
        services.AddHostedService<ModelManifestFollower>();
        services.TryAddSingleton<IDistributedLocks>(sp => new LocalDistributedLocks(TimeProvider.System));
        services.AddSingleton<TraderSubmits>();
        services.AddSingleton<OrderRecords>();
        services.AddSingleton<OrderIntake>();
        services.AddSingleton<PaperBroker>();
        services.AddSingleton<IBroker>(sp => sp.GetRequiredService<PaperBroker>());
        services.AddMetrics();
        services.AddSingleton<AriaMetrics>();
        services.AddSingleton<OrderEventPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<OrderEventPublisher>());
        return services;
    }
}
