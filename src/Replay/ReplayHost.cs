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
    public static readonly IReadOnlyList<string> FixedVariables =
    [
        AriaVariables.Symbols, AriaVariables.Feed, AriaVariables.AutoTrade, AriaVariables.PaperLatencyMs, AriaVariables.PaperSeed,
        AriaVariables.FeedSeed, AriaVariables.PaperRejectRate, AriaVariables.MonitoringEnabled, AriaVariables.AlertEmailEnabled,
        AriaVariables.AlertWebhookUrl, AriaVariables.Redis, AriaVariables.Storage, AriaVariables.Kubernetes, AriaVariables.RiskSeedFile,
        AriaVariables.AuditLog, AriaVariables.HttpUrls, AriaVariables.SiloPort, AriaVariables.GatewayPort, AriaVariables.AdminApiKey,
        AriaVariables.ModelsDirectory,
    ];

    public static WebApplication Build(ReplayInput input, ReplayOptions options, ReplayClock clock, SettlementTracker settlement)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        var limit = TraderDefaults.PositionLimits.TryGetValue(input.Symbol, out var known) ? known : FallbackPositionLimit;
        variables[AriaVariables.TradePositionLimits] = $"{input.Symbol}:{limit.ToString(CultureInfo.InvariantCulture)}";
        foreach (var (name, value) in options.Variables)
        {
            variables[name] = value;
        }

        // What the replay depends on is not open to the caller: one symbol from the file, orders
        // settled before the clock moves, no Redis, no monitoring loop, no printed admin key.
        variables[AriaVariables.Symbols] = input.Symbol;
        variables[AriaVariables.Feed] = "synthetic";
        variables[AriaVariables.AutoTrade] = "1";
        variables[AriaVariables.PaperLatencyMs] = "0";
        variables[AriaVariables.PaperSeed] = input.Seed.ToString(CultureInfo.InvariantCulture);
        variables[AriaVariables.FeedSeed] = input.Seed.ToString(CultureInfo.InvariantCulture);
        variables[AriaVariables.PaperRejectRate] = options.PaperRejectRate.ToString("R", CultureInfo.InvariantCulture);
        variables[AriaVariables.MonitoringEnabled] = "0";
        variables[AriaVariables.AlertEmailEnabled] = "0";
        variables[AriaVariables.AlertWebhookUrl] = null;
        variables[AriaVariables.Redis] = null;
        variables[AriaVariables.Storage] = "memory";
        variables[AriaVariables.Kubernetes] = "0";
        variables[AriaVariables.RiskSeedFile] = null;
        variables[AriaVariables.AuditLog] = "none";
        variables[AriaVariables.HttpUrls] = "http://127.0.0.1:0";
        variables[AriaVariables.SiloPort] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture);
        variables[AriaVariables.GatewayPort] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture);
        variables[AriaVariables.AdminApiKey] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        variables[AriaVariables.ModelsDirectory] = options.ModelsDirectory;

        var loaded = AriaSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        if (!loaded.IsValid)
        {
            throw new ReplayException($"The replay's settings are invalid: {string.Join("; ", loaded.Errors)}");
        }

        var settings = loaded.Settings!;
        settings.Hosting.StartsTrading = false;
        settings.MarketData.Feed = FeedKind.Csv;
        settings.MarketData.CsvPath = input.CsvPath;
        settings.MarketData.CsvSymbol = input.Symbol;

        // The market data grain starts from the file's first bar; the runner feeds the rest.
        settings.MarketData.HistoryBars = 0;

        var logging = options.LoggerFactory ?? NullLoggerFactory.Instance;
        return AriaProHost.Build(settings, services: services =>
        {
            services.AddKeyedSingleton<TimeProvider>(AriaClock.Key, clock);
            services.AddSingleton<IIncomingGrainCallFilter>(settlement);
            services.AddSingleton(logging);
        });
    }

}
