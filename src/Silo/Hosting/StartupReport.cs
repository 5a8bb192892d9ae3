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
        LogStarted(logger, settings.Hosting.IsCluster ? "cluster (Redis)" : "embedded", string.Join(",", settings.MarketData.Symbols),
            string.Join(" ", addresses), $"{url.TrimEnd('/')}/dashboard/", settings.AutoTrader.Enabled);
        foreach (var line in settings.Describe())
        {
            LogSetting(logger, line);
        }

        foreach (var warning in warnings)
        {
            LogWarning(logger, warning);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AriaPro started ({Mode}): symbols {Symbols}; HTTP {Urls}; dashboard {Dashboard}; auto-trading {AutoTrading}")]
    private static partial void LogStarted(ILogger logger, string mode, string symbols, string urls, string dashboard, bool autoTrading);

    [LoggerMessage(Level = LogLevel.Information, Message = "Setting {Setting}")]
    private static partial void LogSetting(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration warning: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);
}
