using System.Globalization;
using AriaPro.Silo.Security.Audit;

namespace AriaPro.Silo.Configuration;

/// <summary>Renders <see cref="AriaSettings"/> as <c>VARIABLE=value</c> lines with secrets masked.</summary>
internal static class SettingsDescription
{
    private const string Unset = "(unset)";

    /// <summary>
    /// <paramref name="settings"/> joined with ", " into lines of at most <paramref name="width"/>
    /// characters (a setting longer than that has a line of its own), in their order: the start-up
    /// log prints one line each instead of one line of thousands of characters.
    /// </summary>
    public static IReadOnlyList<string> Wrap(IReadOnlyList<string> settings, int width = 160)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var setting in settings)
        {
            if (line.Length > 0 && line.Length + 2 + setting.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? ", " : "").Append(setting);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    public static IReadOnlyList<string> Describe(AriaSettings s)
    {
        var trader = s.Trader;
        var monitoring = s.Monitoring;
        var market = s.MarketData;
        var paper = s.PaperBroker;
        var limits = string.Join(',', trader.PositionLimits.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}:{Number(p.Value)}"));
        var feed = market.CsvFiles.Count > 0
            ? string.Join(' ', market.CsvFiles.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new FeedSpec(market.Feed, f.Value, f.Key).ToString()))
            : new FeedSpec(market.Feed, market.CsvPath, market.CsvSymbol).ToString();

        return
        [
            Line(AriaVariables.TradeCircuitBreakerCooldown, Seconds(trader.CircuitBreakerCooldown)),
            Line(AriaVariables.TradeCircuitBreakerFailures, Number(trader.CircuitBreakerFailures)),
            Line(AriaVariables.TradePositionLimits, limits),
            Line(AriaVariables.TradeBaseTimeout, Seconds(trader.BaseOrderTimeout)),
            Line(AriaVariables.TradeMaxTimeout, Seconds(trader.MaxOrderTimeout)),
            Line(AriaVariables.RiskVarConfidence, Number(s.Risk.VarConfidence)),
            Line(AriaVariables.RiskCvarConfidence, Number(s.Risk.CvarConfidence)),
            Line(AriaVariables.RiskKellyMaxSize, Number(s.Risk.KellyMaxSize)),
            Line(AriaVariables.RiskLookbackDays, Number(s.Risk.LookbackDays)),
            Line(AriaVariables.RiskMaxVar, Number(s.Risk.MaxVarFraction)),
            Line(AriaVariables.RiskMaxDailyLoss, s.Risk.MaxDailyLoss is { } loss ? Number(loss) : "(off)"),
            Line(AriaVariables.RiskMaxDrawdown, s.Risk.MaxDrawdown is { } drawdown ? Number(drawdown) : "(off)"),
            Line(AriaVariables.AccountCapital, s.Risk.AccountCapital.ToString(CultureInfo.InvariantCulture)),
            Line(AriaVariables.RiskSeedFile, s.Risk.SeedFile ?? "(unset)"),
            Line(AriaVariables.RiskEndOfDay, s.Risk.EndOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)),
            Line(AriaVariables.AiCircuitBreakerThreshold, Number(s.ModelHealth.CircuitBreakerThreshold)),
            Line(AriaVariables.AiPerformanceWindow, Number(s.ModelHealth.PerformanceWindow)),
            Line(AriaVariables.AiBaseAnalysisInterval, Seconds(s.AutoTrader.AnalysisInterval)),
            Line(AriaVariables.AiModelTimeout, Seconds(s.ModelHealth.ModelTimeout)),
            Line(AriaVariables.AiModelCooldown, Seconds(s.ModelHealth.ModelCooldown)),
            Line(AriaVariables.ModelsDirectory, s.ModelHealth.ModelsDirectory ?? "(unset: the models shipped with the silo)"),
            Line(AriaVariables.AdminApiKey, s.ApiKeys.AdminApiKey is null ? "(unset: created on first start and printed once)" : SecretMasker.Mask),
            Line(AriaVariables.JwtRotationHours, Number(s.JwtRotation.Rotation.TotalHours)),
            Line(AriaVariables.JwtSecretOverlapHours, Number(s.JwtRotation.Overlap.TotalHours)),
            Line(AriaVariables.JwtMaxSecrets, Number(s.JwtRotation.MaxSecrets)),
            Line(AriaVariables.MasterKey, s.JwtRotation.MasterKey is null ? "(unset: generated in memory, embedded mode only)" : SecretMasker.Mask),
            Line(AriaVariables.RateLimitRequestsPerMinute, Number(s.RateLimit.RequestsPerMinute)),
            Line(AriaVariables.RateLimitEndpoints, EndpointLimitsParser.Format(s.RateLimit.EndpointLimits)),
            Line(AriaVariables.RateLimitGlobalPerMinute, Number(s.RateLimit.GlobalPerMinute)),
            Line(AriaVariables.IpAllow, s.RateLimit.IpAllow.Count == 0 ? "(unset: every address)" : IpNetworkListParser.Format(s.RateLimit.IpAllow)),
            Line(AriaVariables.IpDeny, s.RateLimit.IpDeny.Count == 0 ? Unset : IpNetworkListParser.Format(s.RateLimit.IpDeny)),
            Line(AriaVariables.AuditLog, s.Audit.FilePath ?? "none (no audit file)"),
            Line(AriaVariables.AuditMaxMegabytes, Number(s.Audit.MaxFileBytes / (double)AuditOptions.BytesPerMegabyte)),
            Line(AriaVariables.AuditKeep, Number(s.Audit.KeepFiles)),
            Line(AriaVariables.MonitoringEnabled, Flag(monitoring.Enabled)),
            Line(AriaVariables.AlertEmailEnabled, Flag(monitoring.EmailEnabled)),
            Line(AriaVariables.AlertSmtpHost, monitoring.SmtpHost ?? Unset),
            Line(AriaVariables.AlertSmtpPort, Number(monitoring.SmtpPort)),
            Line(AriaVariables.AlertSmtpUser, monitoring.SmtpUser ?? Unset),
            Line(AriaVariables.AlertSmtpPassword, monitoring.SmtpPassword is null ? Unset : SecretMasker.Mask),
            Line(AriaVariables.AlertSmtpFrom, monitoring.SmtpFrom ?? Unset),
            Line(AriaVariables.AlertSmtpTo, monitoring.SmtpTo.Count == 0 ? Unset : string.Join(',', monitoring.SmtpTo)),
            Line(AriaVariables.AlertWebhookUrl, monitoring.WebhookUrl is null ? Unset : SecretMasker.MaskUrl(monitoring.WebhookUrl)),
            Line(AriaVariables.AlertRules, monitoring.RulesPath ?? $"built-in ({monitoring.Rules.Rules.Count} rules, {monitoring.Rules.Anomalies.Count} anomaly detectors)"),
            Line(AriaVariables.HttpUrls, s.Hosting.HttpUrls),
            Line(AriaVariables.WebSocketOrigins, s.Hosting.WebSocketOrigins.Count == 0
                ? "(unset: the facade's own origin only)" : string.Join(',', s.Hosting.WebSocketOrigins.Select(o => o.GetLeftPart(UriPartial.Authority)))),
            Line(AriaVariables.TlsCertificate, s.Hosting.TlsCertificatePath ?? "(unset: plain HTTP)"),
            Line(AriaVariables.TlsCertificatePassword, s.Hosting.TlsCertificatePassword is null ? Unset : SecretMasker.Mask),
            Line(AriaVariables.Redis, s.Hosting.Redis is null ? "(unset: embedded mode)" : SecretMasker.MaskRedis(s.Hosting.Redis)),
            Line(AriaVariables.Storage, s.Hosting.IsCluster ? "(unused: cluster mode stores in Redis)" : s.Hosting.Storage.ToString().ToLowerInvariant()),
            Line(AriaVariables.DataDirectory, !s.Hosting.IsDurableEmbedded ? "(unused: nothing is stored on this machine)"
                : s.Hosting.DataDirectory ?? "(unset: $XDG_DATA_HOME/ariapro, else ~/.local/share/ariapro)"),
            Line(AriaVariables.OrderRetentionDays, Number(s.Hosting.OrderRetention.TotalDays)),
            Line(AriaVariables.SiloAddress, s.Hosting.IsCluster && !s.Hosting.Kubernetes ? s.Hosting.SiloAddress : "(unused: " + (s.Hosting.Kubernetes ? "the pod's IP)" : "embedded mode listens on loopback)")),
            Line(AriaVariables.SiloPort, Number(s.Hosting.SiloPort)),
            Line(AriaVariables.GatewayPort, Number(s.Hosting.GatewayPort)),
            Line(AriaVariables.ClusterId, s.Hosting.ClusterId),
            Line(AriaVariables.ServiceId, s.Hosting.ServiceId),
            Line(AriaVariables.Kubernetes, Flag(s.Hosting.Kubernetes)),
            Line(AriaVariables.ClusterTlsCertificate, s.Hosting.ClusterTlsCertificatePath ?? "(unset: the silo and gateway ports are plain TCP)"),
            Line(AriaVariables.ClusterTlsCertificatePassword, s.Hosting.ClusterTlsCertificatePassword is null ? Unset : SecretMasker.Mask),
            Line(AriaVariables.ClusterTlsAuthority, s.Hosting.ClusterTlsAuthorityPath ?? Unset),
            Line(AriaVariables.Symbols, string.Join(',', market.Symbols)),
            Line(AriaVariables.Feed, feed),
            Line(AriaVariables.FeedSpeed, Number(market.Speed)),
            Line(AriaVariables.FeedSeed, Number(market.Seed)),
            Line(AriaVariables.FeedBarSeconds, Seconds(market.BarInterval)),
            Line(AriaVariables.PaperLatencyMs, Number(paper.Latency.TotalMilliseconds)),
            Line(AriaVariables.PaperRejectRate, Number(paper.RejectRate)),
            Line(AriaVariables.PaperSlippagePips, Number(paper.SlippagePips)),
            Line(AriaVariables.PaperSeed, paper.Seed is { } seed ? Number(seed) : "(unset: random)"),
            Line(AriaVariables.AutoTrade, Flag(s.AutoTrader.Enabled)),
            Line(AriaVariables.AutoTradeLots, Number(s.AutoTrader.Lots)),
        ];
    }

    private static string Line(string name, string value) => $"{name}={value}";

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Seconds(TimeSpan value) => Number(value.TotalSeconds);

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
