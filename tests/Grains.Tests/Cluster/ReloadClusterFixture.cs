using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Locks;
using AriaPro.Grains.Signals;
using AriaPro.Grains.Signals.Models;
using AriaPro.Grains.Tests.Locks;
using AriaPro.Grains.Tests.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace AriaPro.Grains.Tests.Cluster;

/// <summary>
/// Two in-process silos serving the ONNX models of one temporary folder, sharing one lock table
/// (as Redis would be shared) whose clock is the fake trading clock; the clock also drives each
/// silo's manifest poll.
/// </summary>
public sealed class ReloadClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    public TokenOverrideLocks Locks { get; }

    public ModelsFolder Models { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public IModelRegistryGrain Registry => Grains.GetGrain<IModelRegistryGrain>(IModelRegistryGrain.Cluster);

    /// <summary>Every silo's model catalog.</summary>
    public IReadOnlyList<ModelCatalog> Catalogs => [.. Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<ModelCatalog>())];

    public ReloadClusterFixture() => Locks = new(Time);

    public async Task InitializeAsync()
    {
        var configuration = new TradingConfiguration
        {
            AutoTrader = new() { Enabled = false },

            // Long enough that advancing the fake clock to drive the polls never times out a validation.
            ModelHealth = new() { ModelsDirectory = Models.Directory, ModelTimeout = TimeSpan.FromHours(1) },
        };
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureClient(client => client.AddMemoryStreams(AriaStreams.Provider));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddInMemoryProviders();
            silo.Services.AddSingleton<IDistributedLocks>(Locks);
            silo.Services.AddAriaProTrading(configuration, Time);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Advances the clock a poll at a time until every silo has applied manifest <paramref name="version"/>.</summary>
    public Task EverySiloFollows(long version) => Eventually.True(
        () =>
        {
            Time.Advance(ModelManifestFollower.PollInterval);
            return Catalogs.All(c => c.ManifestVersion >= version);
        },
        $"every silo to apply model manifest {version}");

    /// <summary>The shipped model alone in the folder, reloaded and followed by every silo.</summary>
    public async Task<ModelReloadResult> Restore()
    {
        Models.Reset();
        var result = await Registry.Reload();
        await EverySiloFollows(result.Manifest.Version);
        return result;
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Models.Dispose();
    }
}
