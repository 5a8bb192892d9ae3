using AriaPro.Core.Trading;
using AriaPro.Grains.Brokers;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Risk;
using AriaPro.Grains.Signals;
using AriaPro.Grains.Trading;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Monitoring;
using AriaPro.Silo.Security;
using AriaPro.Silo.Security.Audit;

namespace AriaPro.Silo.Configuration;

/// <summary>Every options object of the silo, bound from the environment and validated together.</summary>
public sealed class AriaSettings
{
    /// <summary>Per-symbol trader guards (<c>AUTO_TRADE_*</c>).</summary>
    public TraderOptions Trader { get; init; } = new();

    /// <summary>Symbols and the market data feed (<c>ARIA_SYMBOLS</c>, <c>ARIA_FEED*</c>).</summary>
    public MarketDataOptions MarketData { get; init; } = new();

    /// <summary>Paper broker behaviour (<c>ARIA_PAPER_*</c>).</summary>
    public PaperBrokerOptions PaperBroker { get; init; } = new();

    /// <summary>The built-in auto-trader (<c>ARIA_AUTOTRADE*</c>, <c>AI_BASE_ANALYSIS_INTERVAL</c>).</summary>
    public AutoTraderOptions AutoTrader { get; init; } = new();

    /// <summary>Signal model health (<c>AI_*</c>).</summary>
    public ModelHealthOptions ModelHealth { get; init; } = new();

    /// <summary>Portfolio risk (<c>RISK_*</c>).</summary>
    public RiskOptions Risk { get; init; } = new();

    /// <summary>API keys (<c>ARIA_ADMIN_API_KEY</c>).</summary>
    public ApiKeyOptions ApiKeys { get; init; } = new();

    /// <summary>JWT signing-key rotation (<c>JWT_*</c>).</summary>
    public JwtRotationOptions JwtRotation { get; init; } = new();

    /// <summary>HTTP rate limiting and IP lists (<c>RATE_LIMIT_*</c>, <c>ARIA_IP_ALLOW</c>, <c>ARIA_IP_DENY</c>).</summary>
    public RateLimitOptions RateLimit { get; init; } = new();

    /// <summary>The security audit log (<c>ARIA_AUDIT_LOG</c>).</summary>
    public AuditOptions Audit { get; init; } = new();

    /// <summary>Monitoring and alert delivery (<c>MONITORING_ENABLED</c>, <c>ALERT_*</c>).</summary>
    public MonitoringOptions Monitoring { get; init; } = new();

    /// <summary>Hosting: HTTP, Redis, ports and ids (<c>ARIA_HTTP_URLS</c>, <c>ARIA_REDIS</c>, ...).</summary>
    public HostingOptions Hosting { get; init; } = new();

    /// <summary>
    /// The effective settings as <c>VARIABLE=value</c> lines for the start-up log. Secrets are
    /// masked: the SMTP password, a Redis password, the master key and the webhook URL's path and query.
    /// </summary>
    public IReadOnlyList<string> Describe() => SettingsDescription.Describe(this);
}
