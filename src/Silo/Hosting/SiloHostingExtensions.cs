using Orleans.Dashboard;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Locks;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Security;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Security.Cluster;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Storage;
using StackExchange.Redis;

namespace AriaPro.Silo.Hosting;

/// <summary>Wires the Orleans silo: embedded (localhost, memory) or cluster mode (Redis for everything).</summary>
public static class SiloHostingExtensions
{
    /// <summary>Grain locations a silo caches at most (Orleans' default is 1,000,000).</summary>
    public const int DirectoryCacheSize = 100_000;

    /// <summary>Membership probe timeout in cluster mode; three missed probes declare a silo dead.</summary>
    public static readonly TimeSpan MembershipProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How often a silo writes its I-am-alive row in cluster mode.</summary>
    public static readonly TimeSpan IAmAlivePeriod = TimeSpan.FromSeconds(10);

    /// <summary>Adds the silo, its storage, the dashboard and the trading services.</summary>
    public static WebApplicationBuilder AddAriaProSilo(this WebApplicationBuilder builder, AriaSettings settings)
    {
        var hosting = settings.Hosting;
        var durable = hosting.IsDurableEmbedded ? DurableStore.Open(hosting.DataDirectory) : null;
        var keyRing = settings.ToJwtKeyRingOptions();
        if (durable is not null)
        {
            // From a factory, so the container owns it and releases the folder when it is disposed,
            // after the storage it created later has been drained.
            builder.Services.AddSingleton(_ => durable);
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DurableStore>());
            keyRing.MasterKey ??= MasterKeyFile.LoadOrCreate(durable.Folder.FullPath);
        }

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
                if (hosting.Kubernetes)
                {
                    // Silo name and advertised address from the pod; silos whose pod is gone are
                    // declared dead at once instead of after missed probes.
                    silo.UseKubernetesHosting();
                    silo.Configure<EndpointOptions>(o =>
                    {
                        o.SiloPort = hosting.SiloPort;
                        o.GatewayPort = hosting.GatewayPort;
                    });
                }
                else
                {
                    // Only the named address: the silo-to-silo port is not a door (docs/SDK.md).
                    silo.ConfigureEndpoints(hosting.SiloAddress, hosting.SiloPort, hosting.GatewayPort, listenOnAnyHostAddress: false);
                }

                // A dead silo's symbols cannot trade until it is declared dead: probe a little
                // faster than Orleans' default (5 s x 3 missed probes), not so fast that a long GC
                // pause on a busy two-core machine gets a live silo voted out.
                // A silo that stopped writing its I-am-alive row for two periods is stale: a silo
                // starting after the whole cluster crashed evicts it instead of waiting minutes to
                // reach it (Orleans' default period is 5 minutes).
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = MembershipProbeTimeout;
                    o.IAmAliveTablePublishTimeout = IAmAlivePeriod;
                });

                silo.AddRedisGrainStorage(AriaStorage.Name, o => o.ConfigurationOptions = redis.Clone());
                silo.AddRedisGrainStorage(AriaStorage.PubSub, o => o.ConfigurationOptions = redis.Clone());
                silo.AddRedisGrainStorage(AriaStorage.Orders, o =>
                {
                    o.ConfigurationOptions = redis.Clone();
                    o.EntryExpiry = hosting.OrderRetention;
                });
                silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());

                // One directory in Redis for every silo: a grain (a trader above all) is never
                // active on two silos at once while membership changes.
                silo.UseRedisGrainDirectoryAsDefault(o => o.ConfigurationOptions = redis.Clone());
                silo.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.Clone()));
                silo.Services.AddSingleton<IDistributedLocks>(sp => new RedisDistributedLocks(sp.GetRequiredService<IConnectionMultiplexer>(), TimeProvider.System, RedisDistributedLocks.PrefixFor(hosting.ServiceId)));
            }
            else if (durable is not null)
            {
                // One SQLite file for grain state and reminders, every write fsynced before it is
                // acknowledged and concurrent writes sharing one commit (docs/DESIGN.md, Storage).
                silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort, serviceId: hosting.ServiceId, clusterId: hosting.ClusterId);
                silo.AddSqliteGrainStorage(durable.Store, AriaStorage.Name, AriaStorage.PubSub);
                silo.Services.AddExpiringSqliteGrainStorage(durable.Store, AriaStorage.Orders, AriaStorage.OrderExpiry(hosting.OrderRetention));
                silo.UseSqliteReminderService(durable.Store);
            }
            else
            {
                silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort, serviceId: hosting.ServiceId, clusterId: hosting.ClusterId);
                silo.AddInProcessGrainStorage(AriaStorage.Name);
                silo.AddInProcessGrainStorage(AriaStorage.PubSub);
                silo.AddInProcessGrainStorage(AriaStorage.Orders, AriaStorage.OrderExpiry(hosting.OrderRetention));
                silo.UseInMemoryReminderService();
            }

            if (hosting.ClusterTls)
            {
                silo.UseAriaClusterTls(hosting);
            }

            // Stored state in Orleans' own binary format, in both modes: fields by [Id], types by
            // [Alias], never a CLR type or assembly name, so renaming a class or an assembly cannot
            // orphan a position; compact and fast for the trader's write on every order event. (The
            // default, Newtonsoft JSON, also serializes every write to memory storage.)
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();

            // Orleans sizes its directory cache for a million grains up front (about 9 MB before the
            // first call); a silo here hosts its symbols' grains and the order grains of ids asked about lately.
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = DirectoryCacheSize);
            silo.AddMemoryStreams(AriaStreams.Provider);
            silo.AddDashboard();
            silo.Services.AddAriaProTrading(settings.ToTradingConfiguration());

            // Signing keys and revocations (issue 6), both modes: in cluster mode the loader has
            // made ARIA_MASTER_KEY required; a durable embedded silo keeps a missing one in its data
            // directory (MasterKeyFile), a memory one draws it for the process.
            silo.Services.AddAriaProSecurity(keyRing);

            // Every door is guarded the same way: a grain call from outside the silos needs a token
            // and the role, and counts against the same limits as HTTP (docs/SDK.md).
            silo.AddAriaCallGuard();
        });
        if (hosting.StartsTrading)
        {
            builder.Services.AddHostedService<TradingBootstrapper>();
        }

        return builder;
    }

    /// <summary>
    /// Mutual TLS on both Orleans ports and on the silo's own connections to other silos: each end
    /// presents a certificate and accepts the other's only when the deployment's authority issued it
    /// (<see cref="ClusterCertificates"/>), so a client without one cannot even open the gateway.
    /// </summary>
    private static void UseAriaClusterTls(this ISiloBuilder silo, HostingOptions hosting)
    {
        var certificate = ClusterCertificates.LoadCertificate(hosting.ClusterTlsCertificatePath!, hosting.ClusterTlsCertificatePassword);
        var authority = ClusterCertificates.LoadAuthority(hosting.ClusterTlsAuthorityPath!);
        silo.UseTls(certificate, tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = (remote, _, _) => ClusterCertificates.IsIssuedBy(remote, authority);
        });
    }
}
