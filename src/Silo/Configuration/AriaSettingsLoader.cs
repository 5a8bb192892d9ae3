using Microsoft.Extensions.Configuration;

namespace AriaPro.Silo.Configuration;

/// <summary>
/// Binds and validates every variable of the specification from flat keys (environment variables
/// such as <c>AUTO_TRADE_CB_COOLDOWN</c>). It never throws for bad values: it collects them all.
/// </summary>
public static class AriaSettingsLoader
{
    /// <summary>Loads the settings; CSV feed files are looked up on the local file system.</summary>
    public static ConfigurationResult Load(IConfiguration configuration) => Load(configuration, File.Exists);

    /// <summary>Loads the settings, asking <paramref name="fileExists"/> whether a CSV feed file exists.</summary>
    public static ConfigurationResult Load(IConfiguration configuration, Func<string, bool> fileExists)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(fileExists);

        var reader = new EnvironmentReader(configuration);
        var settings = new AriaSettings
        {
            Trader = TradingSection.ReadTrader(reader),
            Risk = RiskSection.ReadRisk(reader, fileExists),
            ModelHealth = RiskSection.ReadModelHealth(reader, Directory.Exists),
            AutoTrader = TradingSection.ReadAutoTrader(reader),
            ApiKeys = SecuritySection.ReadApiKeys(reader),
            JwtRotation = SecuritySection.ReadJwt(reader),
            RateLimit = SecuritySection.ReadRateLimit(reader),
            Audit = SecuritySection.ReadAudit(reader),
            Monitoring = MonitoringSection.Read(reader),
            Hosting = HostingSection.Read(reader),
            MarketData = MarketDataSection.Read(reader, fileExists),
            PaperBroker = TradingSection.ReadPaperBroker(reader),
        };

        settings.JwtRotation.MasterKey = SecuritySection.ReadMasterKey(reader, settings.Hosting.IsCluster);
        var warnings = Warn(settings, reader);
        return reader.Errors.Count == 0
            ? ConfigurationResult.Success(settings, warnings)
            : ConfigurationResult.Failure([.. reader.Errors], warnings);
    }

    private static bool IsLoopback(string address) =>
        address == "localhost" || System.Net.IPAddress.TryParse(address, out var ip) && System.Net.IPAddress.IsLoopback(ip);

    private static List<string> Warn(AriaSettings settings, EnvironmentReader reader)
    {
        var warnings = new List<string>();
        var hosting = settings.Hosting;
        if (hosting.IsCluster && !hosting.ClusterTls && (hosting.Kubernetes || !IsLoopback(hosting.SiloAddress)))
        {
            warnings.Add($"{AriaVariables.ClusterTlsCertificate}: the silo and gateway ports listen on {(hosting.Kubernetes ? "the pod's IP" : hosting.SiloAddress)} " +
                $"in plain TCP; set {AriaVariables.ClusterTlsCertificate} and {AriaVariables.ClusterTlsAuthority} (deploy/cluster-certs.sh), or keep both ports on a network only trusted machines reach");
        }

        if (reader.HasFailed(AriaVariables.Symbols) || reader.HasFailed(AriaVariables.TradePositionLimits))
        {
            return warnings;
        }

        var limits = settings.Trader.PositionLimits;
        foreach (var symbol in settings.MarketData.Symbols.Where(s => !limits.ContainsKey(s)))
        {
            warnings.Add($"{AriaVariables.TradePositionLimits}: {symbol} from {AriaVariables.Symbols} has no limit, " +
                "so its limit is 0 and it cannot open positions");
        }

        foreach (var symbol in limits.Keys.Where(s => !settings.MarketData.IsKnown(s)))
        {
            warnings.Add($"{AriaVariables.TradePositionLimits}: the limit for {symbol} has no effect, " +
                $"{symbol} is not in {AriaVariables.Symbols}");
        }

        return warnings;
    }
}
