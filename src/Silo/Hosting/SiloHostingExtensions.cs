using Orleans.Dashboard;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Locks;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Silo.Configuration;
using Orleans.Configuration;
using StackExchange.Redis;

namespace AriaPro.Silo.Hosting;

/// <summary>Wires the Orleans silo: embedded (localhost, memory) or cluster mode (Redis for everything).</summary>
public static class SiloHostingExtensions
{
    /// <summary>Adds the silo, its storage, the dashboard and the trading services.</summary>
    public static WebApplicationBuilder AddAriaProSilo(this WebApplicationBuilder builder, AriaSettings settings)
    {
        var hosting = settings.Hosting;
        builder.UseOrleans(silo =>
        {
            if (hosting.IsCluster)
            {
                var redis = ConfigurationOptions.Parse(hosting.Redis!);
                silo.UseRedisClustering(hosting.Redis!);
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = hosting.ClusterId;
                    o.ServiceId = hosting.ServiceId;
                });
                silo.ConfigureEndpoints(hosting.SiloPort, hosting.GatewayPort, listenOnAnyHostAddress: true);
                silo.AddRedisGrainStorage(AriaStorage.Name, o => o.ConfigurationOptions = redis.Clone());
                silo.AddRedisGrainStorage(AriaStorage.PubSub, o => o.ConfigurationOptions = redis.Clone());
                silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());

                // One directory in Redis for every silo: a grain (a trader above all) is never
                // active on two silos at once while membership changes.
                silo.UseRedisGrainDirectoryAsDefault(o => o.ConfigurationOptions = redis.Clone());
                silo.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.Clone()));
                silo.Services.AddSingleton<IDistributedLocks>(sp => new RedisDistributedLocks(sp.GetRequiredService<IConnectionMultiplexer>(), TimeProvider.System));
            }
            else
            {
                silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort, serviceId: hosting.ServiceId, clusterId: hosting.ClusterId);
                silo.AddMemoryGrainStorage(AriaStorage.Name);
                silo.AddMemoryGrainStorage(AriaStorage.PubSub);
                silo.UseInMemoryReminderService();
            }

            silo.AddMemoryStreams(AriaStreams.Provider);
            silo.AddDashboard();
            silo.Services.AddAriaProTrading(settings.ToTradingConfiguration());
        });
        builder.Services.AddHostedService<TradingBootstrapper>();
        return builder;
    }
}
