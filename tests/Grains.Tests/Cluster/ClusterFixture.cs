using AriaPro.Grains.Brokers;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Monitoring;
using AriaPro.Grains.Tests.Monitoring;
using AriaPro.Grains.Signals;
using AriaPro.Grains.Signals.Models;
using AriaPro.Grains.Tests.Signals;
using Microsoft.Extensions.DependencyInjection;
using AriaPro.Grains.Trading;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace AriaPro.Grains.Tests.Cluster;

/// <summary>
/// One real in-process Orleans cluster shared by the grain tests. Trading time is a
/// <see cref="FakeTimeProvider"/>; each test trades its own symbol so tests never share a trader.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(5);

    /// <summary>Large enough that no test's orders come near the VaR budget; the budget has its own tests.</summary>
    public const decimal Capital = 100_000_000m;

    public static readonly TimeSpan ModelTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Small, so the retention test need not place hundreds of orders; no other test places this many on one symbol.</summary>
    public const int RetainedFinishedOrders = 20;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    public PaperBrokerOptions Paper { get; } = new()
    {
        Latency = TimeSpan.Zero,
        Seed = 7,
        LimitOrderPollInterval = TimeSpan.FromMilliseconds(250),
    };

    public TradingConfiguration Configuration { get; }

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>Deliberately slow, failing and NaN-producing models, run through their model grains.</summary>
    public SlowModel Slow { get; } = new();

    public SwitchModel Throwing { get; } = new("test-throw") { Mode = "throw" };

    public SwitchModel NotANumber { get; } = new("test-nan") { Mode = "nan" };

    public SwitchModel Flaky { get; } = new("test-flaky");

    public SwitchModel Durable { get; } = new("test-durable") { Mode = "throw" };

    public SwitchModel Evented { get; } = new("test-events") { Mode = "throw" };

    /// <summary>What the alert manager notified.</summary>
    public RecordingAlertNotifier Notified { get; } = new();

    public IGrainFactory Grains => Cluster.Client;

    public ClusterFixture()
    {
        string[] symbols = ["EURUSD", "GBPUSD", "USDJPY", "AUDUSD", "NZDUSD", "USDCAD", "USDCHF", "EURGBP", "EURJPY", "GBPJPY", "EURCHF", "AUDJPY", "CADJPY", "NZDJPY", "GBPCHF", "AUDCAD", "CHFJPY", "EURAUD", "GBPAUD", "AUDNZD"];
        Configuration = new()
        {
            Trader = new()
            {
                CircuitBreakerFailures = 3,
                CircuitBreakerCooldown = Cooldown,
                BaseOrderTimeout = TimeSpan.FromSeconds(1),
                MaxOrderTimeout = TimeSpan.FromSeconds(2),
                RetainedFinishedOrders = RetainedFinishedOrders,
                PositionLimits = symbols.ToDictionary(s => s, _ => 2m, StringComparer.OrdinalIgnoreCase),
            },
            MarketData = new() { Symbols = [.. symbols], HistoryBars = 300 },
            PaperBroker = Paper,
            AutoTrader = new() { Enabled = false },
            Risk = new() { AccountCapital = Capital },
            ModelHealth = new()
            {
                PerformanceWindow = 4,
                CircuitBreakerThreshold = 0.5,
                ModelTimeout = ModelTimeout,
                ModelCooldown = Cooldown,
                ModelsDirectory = Path.Combine(AppContext.BaseDirectory, "no-onnx-models-here"),
            },
        };
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureClient(client => client.AddMemoryStreams(AriaStreams.Provider));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddInMemoryProviders();
            silo.Services.AddAriaProTrading(Configuration, Time);
            silo.Services.AddSingleton<IAlertNotifier>(Notified);
            foreach (var model in new ISignalModel[] { Slow, Throwing, NotANumber, Flaky, Durable, Evented })
            {
                silo.Services.AddSingleton(model);
            }
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
