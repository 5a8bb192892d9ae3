namespace AriaPro.Silo.Configuration;

/// <summary>Names of the environment variables the silo reads, exactly as the specification spells them.</summary>
public static class AriaVariables
{
    public const string TradeCircuitBreakerCooldown = "AUTO_TRADE_CB_COOLDOWN";
    public const string TradeCircuitBreakerFailures = "AUTO_TRADE_CB_FAILURES";
    public const string TradePositionLimits = "AUTO_TRADE_POS_LIMITS";
    public const string TradeBaseTimeout = "AUTO_TRADE_BASE_TIMEOUT";
    public const string TradeMaxTimeout = "AUTO_TRADE_MAX_TIMEOUT";

    public const string RiskVarConfidence = "RISK_VAR_CONFIDENCE";
    public const string RiskCvarConfidence = "RISK_CVAR_CONFIDENCE";
    public const string RiskKellyMaxSize = "RISK_KELLY_MAX_SIZE";
    public const string RiskLookbackDays = "RISK_LOOKBACK_DAYS";
    public const string RiskMaxVar = "ARIA_RISK_MAX_VAR";
    public const string RiskMaxDailyLoss = "ARIA_RISK_MAX_DAILY_LOSS";
    public const string RiskMaxDrawdown = "ARIA_RISK_MAX_DRAWDOWN";
    public const string AccountCapital = "ARIA_ACCOUNT_CAPITAL";
    public const string RiskSeedFile = "ARIA_RISK_SEED_FILE";
    public const string RiskEndOfDay = "ARIA_RISK_EOD_UTC";

    public const string AiCircuitBreakerThreshold = "AI_CIRCUIT_BREAKER_THRESHOLD";
    public const string AiPerformanceWindow = "AI_PERFORMANCE_WINDOW";
    public const string AiBaseAnalysisInterval = "AI_BASE_ANALYSIS_INTERVAL";
    public const string AiModelTimeout = "AI_MODEL_TIMEOUT";
    public const string AiModelCooldown = "AI_MODEL_CB_COOLDOWN";
    public const string ModelsDirectory = "ARIA_MODELS_DIR";

    public const string AdminApiKey = "ARIA_ADMIN_API_KEY";
    public const string JwtRotationHours = "JWT_ROTATION_HOURS";
    public const string JwtSecretOverlapHours = "JWT_SECRET_OVERLAP_HOURS";
    public const string JwtMaxSecrets = "JWT_MAX_SECRETS";
    public const string MasterKey = "ARIA_MASTER_KEY";
    public const string RateLimitRequestsPerMinute = "RATE_LIMIT_REQUESTS_PER_MINUTE";
    public const string RateLimitEndpoints = "RATE_LIMIT_ENDPOINTS";
    public const string RateLimitGlobalPerMinute = "RATE_LIMIT_GLOBAL_PER_MINUTE";
    public const string IpAllow = "ARIA_IP_ALLOW";
    public const string IpDeny = "ARIA_IP_DENY";
    public const string AuditLog = "ARIA_AUDIT_LOG";
    public const string AuditMaxMegabytes = "ARIA_AUDIT_MAX_MB";
    public const string AuditKeep = "ARIA_AUDIT_KEEP";

    public const string MonitoringEnabled = "MONITORING_ENABLED";
    public const string AlertEmailEnabled = "ALERT_EMAIL_ENABLED";
    public const string AlertSmtpHost = "ALERT_SMTP_HOST";
    public const string AlertSmtpPort = "ALERT_SMTP_PORT";
    public const string AlertSmtpUser = "ALERT_SMTP_USER";
    public const string AlertSmtpPassword = "ALERT_SMTP_PASSWORD";
    public const string AlertSmtpFrom = "ALERT_SMTP_FROM";
    public const string AlertSmtpTo = "ALERT_SMTP_TO";
    public const string AlertWebhookUrl = "ALERT_WEBHOOK_URL";
    public const string AlertRules = "ARIA_ALERT_RULES";

    public const string HttpUrls = "ARIA_HTTP_URLS";
    public const string WebSocketOrigins = "ARIA_WS_ORIGINS";
    public const string TlsCertificate = "ARIA_TLS_CERT";
    public const string TlsCertificatePassword = "ARIA_TLS_CERT_PASSWORD";
    public const string Redis = "ARIA_REDIS";
    public const string Storage = "ARIA_STORAGE";
    public const string DataDirectory = "ARIA_DATA_DIR";
    public const string OrderRetentionDays = "ARIA_ORDER_RETENTION_DAYS";
    public const string SiloAddress = "ARIA_SILO_ADDRESS";
    public const string SiloPort = "ARIA_SILO_PORT";
    public const string GatewayPort = "ARIA_GATEWAY_PORT";
    public const string ClusterId = "ARIA_CLUSTER_ID";
    public const string ServiceId = "ARIA_SERVICE_ID";
    public const string Kubernetes = "ARIA_KUBERNETES";
    public const string ClusterTlsCertificate = "ARIA_CLUSTER_TLS_CERT";
    public const string ClusterTlsCertificatePassword = "ARIA_CLUSTER_TLS_CERT_PASSWORD";
    public const string ClusterTlsAuthority = "ARIA_CLUSTER_TLS_CA";

    public const string Symbols = "ARIA_SYMBOLS";
    public const string Feed = "ARIA_FEED";
    public const string FeedSpeed = "ARIA_FEED_SPEED";
    public const string FeedSeed = "ARIA_FEED_SEED";
    public const string FeedBarSeconds = "ARIA_FEED_BAR_SECONDS";

    public const string PaperLatencyMs = "ARIA_PAPER_LATENCY_MS";
    public const string PaperRejectRate = "ARIA_PAPER_REJECT_RATE";
    public const string PaperSlippagePips = "ARIA_PAPER_SLIPPAGE_PIPS";
    public const string PaperSeed = "ARIA_PAPER_SEED";

    public const string AutoTrade = "ARIA_AUTOTRADE";
    public const string AutoTradeLots = "ARIA_AUTOTRADE_LOTS";

    /// <summary>Every variable above, in the order <c>deploy/production.env</c> lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TradeCircuitBreakerCooldown, TradeCircuitBreakerFailures, TradePositionLimits, TradeBaseTimeout, TradeMaxTimeout,
        RiskVarConfidence, RiskCvarConfidence, RiskKellyMaxSize, RiskLookbackDays,
        RiskMaxVar, RiskMaxDailyLoss, RiskMaxDrawdown, AccountCapital, RiskSeedFile, RiskEndOfDay,
        AiCircuitBreakerThreshold, AiPerformanceWindow, AiBaseAnalysisInterval, AiModelTimeout, AiModelCooldown, ModelsDirectory,
        AdminApiKey, JwtRotationHours, JwtSecretOverlapHours, JwtMaxSecrets, MasterKey, RateLimitRequestsPerMinute,
        RateLimitEndpoints, RateLimitGlobalPerMinute, IpAllow, IpDeny, AuditLog, AuditMaxMegabytes, AuditKeep,
        MonitoringEnabled, AlertEmailEnabled, AlertSmtpHost, AlertSmtpPort, AlertSmtpUser, AlertSmtpPassword,
        AlertSmtpFrom, AlertSmtpTo, AlertWebhookUrl, AlertRules,
        HttpUrls, WebSocketOrigins, TlsCertificate, TlsCertificatePassword, Redis, Storage, DataDirectory, OrderRetentionDays, SiloAddress, SiloPort, GatewayPort, ClusterId, ServiceId, Kubernetes,
        ClusterTlsCertificate, ClusterTlsCertificatePassword, ClusterTlsAuthority,
        Symbols, Feed, FeedSpeed, FeedSeed, FeedBarSeconds,
        PaperLatencyMs, PaperRejectRate, PaperSlippagePips, PaperSeed,
        AutoTrade, AutoTradeLots,
    ];
}
