using AriaPro.Core.Trading;
using System.Globalization;
using System.Security.Cryptography;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Trading;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AriaPro.Replay;

/// <summary>
/// The replay's silo: AriaPro's own embedded host (one silo on loopback, memory storage, the paper
/// broker) configured through the same variables as production, with the trading clock replaced by
/// the replay's, nothing started on a wall-clock schedule, and the settlement filter installed.
/// </summary>
internal static class ReplayHost
{
    /// <summary>Position limit for a symbol the specification's default limits do not name.</summary>
    public const decimal FallbackPositionLimit = 1m;

    /// <summary>The variables <see cref="Build"/> sets itself, whatever <see cref="ReplayOptions.Variables"/> say.</summary>
    public static readonly IReadOnlyList<string> FixedVariables = [.. Owned(ReplayOptions.DefaultSymbol, 0, 0.0, null, "", "", "").Keys];

    public static WebApplication Build(ReplayInput input, ReplayOptions options, ReplayClock clock, SettlementTracker settlement)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AriaVariables.TradePositionLimits] = string.Join(',', input.Symbols.Select(symbol =>
                $"{symbol}:{(TraderDefaults.PositionLimits.TryGetValue(symbol, out var known) ? known : FallbackPositionLimit).ToString(CultureInfo.InvariantCulture)}")),
        };
        foreach (var (name, value) in options.Variables)
        {
            variables[name] = value;
        }

        var owned = Owned(string.Join(',', input.Symbols), input.Seed, options.PaperRejectRate, options.ModelsDirectory,
            LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture), LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        foreach (var (name, value) in owned)
        {
            variables[name] = value;
        }

        var loaded = AriaSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        if (!loaded.IsValid)
        {
            throw new ReplayException($"The replay's settings are invalid: {string.Join("; ", loaded.Errors)}");
        }

        var settings = loaded.Settings!;
        settings.Hosting.StartsTrading = false;
        settings.MarketData.Feed = FeedKind.Csv;
        settings.MarketData.CsvFiles = input.Series.ToDictionary(s => s.Symbol, s => s.CsvPath, StringComparer.Ordinal);

        // The market data grain starts from the file's first bar; the runner feeds the rest.
        settings.MarketData.HistoryBars = 0;

        var logging = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var app = AriaProHost.Build(settings, services: services =>
        {
            services.AddKeyedSingleton<TimeProvider>(AriaClock.Key, clock);
            services.AddSingleton<IIncomingGrainCallFilter>(settlement);
            services.AddSingleton(logging);
        });

        // The feeds replay the bars the input has already read: each file is parsed and held once.
        var feeds = app.Services.GetRequiredService<MarketFeedFactory>();
        foreach (var series in input.Series)
        {
            feeds.Use(series.CsvPath, new(series.Bars, []));
        }

        return app;
    }

    // What the replay depends on is not open to the caller: the symbols from the files, orders
    // settled before the clock moves, no Redis, no monitoring loop, no printed admin key.
    private static Dictionary<string, string?> Owned(
        string symbols, int seed, double rejectRate, string? models, string siloPort, string gatewayPort, string adminKey) => new(StringComparer.Ordinal)
    {
        [AriaVariables.Symbols] = symbols,
        [AriaVariables.Feed] = "synthetic",
        [AriaVariables.AutoTrade] = "1",
        [AriaVariables.PaperLatencyMs] = "0",
        [AriaVariables.PaperSeed] = seed.ToString(CultureInfo.InvariantCulture),
        [AriaVariables.FeedSeed] = seed.ToString(CultureInfo.InvariantCulture),
        [AriaVariables.PaperRejectRate] = rejectRate.ToString("R", CultureInfo.InvariantCulture),
        [AriaVariables.MonitoringEnabled] = "0",
        [AriaVariables.AlertEmailEnabled] = "0",
        [AriaVariables.AlertWebhookUrl] = null,
        [AriaVariables.Redis] = null,
        [AriaVariables.Storage] = "memory",
        [AriaVariables.Kubernetes] = "0",
        [AriaVariables.RiskSeedFile] = null,
        [AriaVariables.AuditLog] = "none",
        [AriaVariables.HttpUrls] = "http://127.0.0.1:0",
        [AriaVariables.SiloPort] = siloPort,
        [AriaVariables.GatewayPort] = gatewayPort,
        [AriaVariables.AdminApiKey] = adminKey,
        [AriaVariables.ModelsDirectory] = models,
    };
}
