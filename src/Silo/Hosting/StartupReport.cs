using AriaPro.Silo.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AriaPro.Silo.Hosting;

/// <summary>Tells the operator, once the host is up, where everything is and how it is set.</summary>
internal static partial class StartupReport
{
    public static void Log(WebApplication app, AriaSettings settings, IReadOnlyList<string> warnings)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AriaPro");
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? settings.Hosting.HttpUrls;
        var hosting = settings.Hosting;
        var orleans = hosting.IsCluster && !hosting.Kubernetes ? hosting.SiloAddress : hosting.IsCluster ? "the pod's IP" : "127.0.0.1";
        LogStarted(logger, hosting.IsCluster ? "cluster (Redis)" : "embedded", string.Join(",", settings.MarketData.Symbols),
            string.Join(" ", addresses), $"{url.TrimEnd('/')}/dashboard/", $"{orleans}:{hosting.GatewayPort}",
            hosting.ClusterTls ? "mutual TLS" : "plain TCP", settings.AutoTrader.Enabled);
        var lines = SettingsDescription.Wrap(settings.Describe());
        for (var i = 0; i < lines.Count; i++)
        {
            LogSettings(logger, i + 1, lines.Count, lines[i]);
        }

        LogState(logger, app.Services.GetService<DurableStore>() is { } durable
            ? $"on disk in {durable.Folder.FullPath} (SQLite {durable.Store.DatabasePath}; every acknowledged write is fsynced)"
            : hosting.IsCluster ? "in Redis" : "in memory only (ARIA_STORAGE=memory): nothing survives this process");

        foreach (var warning in warnings)
        {
            LogWarning(logger, warning);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AriaPro started ({Mode}): symbols {Symbols}; HTTP {Urls}; dashboard {Dashboard}; SDK gateway {Gateway} ({Transport}); auto-trading {AutoTrading}")]
    private static partial void LogStarted(ILogger logger, string mode, string symbols, string urls, string dashboard, string gateway, string transport, bool autoTrading);

    [LoggerMessage(Level = LogLevel.Information, Message = "State lives {Where}")]
    private static partial void LogState(ILogger logger, string where);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settings ({Line}/{Lines}): {Settings}")]
    private static partial void LogSettings(ILogger logger, int line, int lines, string settings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration warning: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);
}
