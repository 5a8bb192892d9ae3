using AriaPro.Silo.Configuration;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class AriaSettingsLoaderErrorTests
{
    public static TheoryData<string, string> BadValues => new()
    {
        { AriaVariables.SiloAddress, "0.0.0.0" },
        { AriaVariables.SiloAddress, "::" },
        { AriaVariables.SiloAddress, "fe80::1" },
        { AriaVariables.SiloAddress, "not a host" },
        { AriaVariables.TradeCircuitBreakerCooldown, "0" },
        { AriaVariables.TradeCircuitBreakerCooldown, "-5" },
        { AriaVariables.TradeCircuitBreakerCooldown, "abc" },
        { AriaVariables.TradeCircuitBreakerCooldown, "NaN" },
        { AriaVariables.TradeCircuitBreakerCooldown, "Infinity" },
        { AriaVariables.TradeCircuitBreakerCooldown, "1e20" },
        { AriaVariables.TradeCircuitBreakerFailures, "0" },
        { AriaVariables.TradeCircuitBreakerFailures, "2.5" },
        { AriaVariables.TradePositionLimits, "EURUSD:x" },
        { AriaVariables.TradePositionLimits, "EURUSD:-1" },
        { AriaVariables.TradePositionLimits, "EURUSD" },
        { AriaVariables.TradePositionLimits, "EURUSD:" },
        { AriaVariables.TradePositionLimits, "EUR:1" },
        { AriaVariables.TradePositionLimits, "EURUSD:NaN" },
        { AriaVariables.TradePositionLimits, "EURUSD:2,,GBPUSD:1" },
        { AriaVariables.TradePositionLimits, "EURUSD:1,eurusd:2" },
        { AriaVariables.TradeBaseTimeout, "0" },
        { AriaVariables.TradeBaseTimeout, "-30" },
        { AriaVariables.TradeMaxTimeout, "x" },
        { AriaVariables.TradeMaxTimeout, "10" },
        { AriaVariables.RiskVarConfidence, "0" },
        { AriaVariables.RiskVarConfidence, "1" },
        { AriaVariables.RiskVarConfidence, "0,95" },
        { AriaVariables.RiskCvarConfidence, "1.5" },
        { AriaVariables.RiskCvarConfidence, "-0.1" },
        { AriaVariables.RiskKellyMaxSize, "0" },
        { AriaVariables.RiskKellyMaxSize, "1.01" },
        { AriaVariables.RiskLookbackDays, "1" },
        { AriaVariables.RiskLookbackDays, "252.5" },
        { AriaVariables.AiCircuitBreakerThreshold, "1.1" },
        { AriaVariables.AiCircuitBreakerThreshold, "-Infinity" },
        { AriaVariables.AiPerformanceWindow, "0" },
        { AriaVariables.AiBaseAnalysisInterval, "0" },
        { AriaVariables.AiModelTimeout, "-1" },
        { AriaVariables.AiModelCooldown, "0" },
        { AriaVariables.ModelsDirectory, "/no/such/models" },
        { AriaVariables.RiskMaxVar, "0" },
        { AriaVariables.RiskMaxVar, "1.5" },
        { AriaVariables.AccountCapital, "-1" },
        { AriaVariables.AccountCapital, "lots" },
        { AriaVariables.RiskSeedFile, "/no/such/closes.csv" },
        { AriaVariables.RiskEndOfDay, "25:00" },
        { AriaVariables.RiskEndOfDay, "9pm" },
        { AriaVariables.JwtRotationHours, "0" },
        { AriaVariables.JwtRotationHours, "x" },
        { AriaVariables.JwtSecretOverlapHours, "-1" },
        { AriaVariables.JwtSecretOverlapHours, "97" },
        { AriaVariables.JwtMaxSecrets, "1" },
        { AriaVariables.RateLimitRequestsPerMinute, "0" },
        { AriaVariables.MonitoringEnabled, "maybe" },
        { AriaVariables.MonitoringEnabled, "2" },
        { AriaVariables.AlertEmailEnabled, "enabled" },
        { AriaVariables.AlertSmtpHost, "bad host!" },
        { AriaVariables.AlertSmtpPort, "0" },
        { AriaVariables.AlertSmtpPort, "65536" },
        { AriaVariables.AlertSmtpFrom, "not-an-address" },
        { AriaVariables.AlertSmtpTo, "ops@example.test,,risk@example.test" },
        { AriaVariables.AlertSmtpTo, "nobody" },
        { AriaVariables.AlertWebhookUrl, "ftp://hooks.example.test/alerts" },
        { AriaVariables.AlertWebhookUrl, "not a url" },
        { AriaVariables.HttpUrls, "http://127.0.0.1:8080;;http://127.0.0.1:8081" },
        { AriaVariables.HttpUrls, "ftp://127.0.0.1:21" },
        { AriaVariables.HttpUrls, "http://127.0.0.1:8080/api" },
        { AriaVariables.Redis, "abortConnect=false" },
        { AriaVariables.Redis, "redis:6379,nosuchoption=1" },
        { AriaVariables.SiloPort, "0" },
        { AriaVariables.SiloPort, "70000" },
        { AriaVariables.GatewayPort, "x" },
        { AriaVariables.GatewayPort, "11111" },
        { AriaVariables.ClusterId, "bad id" },
        { AriaVariables.ServiceId, "svc/1" },
        { AriaVariables.Symbols, "EURUSD,,GBPUSD" },
        { AriaVariables.Symbols, "EURUSD,eurusd" },
        { AriaVariables.Symbols, "EURUS" },
        { AriaVariables.Feed, "random" },
        { AriaVariables.Feed, "csv:" },
        { AriaVariables.Feed, "csv:/missing.csv" },
        { AriaVariables.Feed, $"csv:{TestSettings.ExistingCsv},XAUUSD" },
        { AriaVariables.Feed, $"csv:{TestSettings.ExistingCsv},EUR" },
        { AriaVariables.FeedSpeed, "0.001" },
        { AriaVariables.FeedSpeed, "10001" },
        { AriaVariables.FeedSpeed, "NaN" },
        { AriaVariables.FeedSeed, "1.5" },
        { AriaVariables.FeedBarSeconds, "0" },
        { AriaVariables.FeedBarSeconds, "86401" },
        { AriaVariables.PaperLatencyMs, "-1" },
        { AriaVariables.PaperLatencyMs, "600001" },
        { AriaVariables.PaperRejectRate, "1.1" },
        { AriaVariables.PaperSlippagePips, "-0.1" },
        { AriaVariables.PaperSeed, "x" },
        { AriaVariables.AutoTrade, "sometimes" },
        { AriaVariables.AutoTradeLots, "0" },
        { AriaVariables.AutoTradeLots, "0.015" },
        { AriaVariables.AutoTradeLots, "1001" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Load_BadValue_ReportsExactlyOneErrorNamingVariableAndValue(string name, string value)
    {
        var result = TestSettings.Load((name, value));

        Assert.False(result.IsValid);
        Assert.Null(result.Settings);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"{name}: ", error);
        Assert.Contains(value, error);
        Assert.DoesNotContain('\n', error);
    }

    [Theory]
    [InlineData("short-admin-key")]
    [InlineData("an admin key with spaces in it, long enough")]
    public void Load_BadAdminApiKey_OneErrorThatNeverRepeatsTheSecret(string value)
    {
        var result = TestSettings.Load((AriaVariables.AdminApiKey, value));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"{AriaVariables.AdminApiKey}: ", error);
        Assert.DoesNotContain(value, error);
    }

    [Fact]
    public void Load_PositionLimitNotANumber_SaysWhichLimitIsBad()
    {
        var result = TestSettings.Load((AriaVariables.TradePositionLimits, "EURUSD:x"));

        Assert.Equal(["AUTO_TRADE_POS_LIMITS: 'EURUSD:x' — limit 'x' for EURUSD is not a number"], result.Errors);
    }

    [Fact]
    public void Load_NegativeTimeout_NamesTheTimeout()
    {
        var result = TestSettings.Load((AriaVariables.TradeBaseTimeout, "-30"));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("AUTO_TRADE_BASE_TIMEOUT: '-30' — must be a number of seconds greater than 0", error);
    }

    [Fact]
    public void Load_MaxTimeoutBelowBase_ReportsBothValues()
    {
        var result = TestSettings.Load((AriaVariables.TradeBaseTimeout, "30"), (AriaVariables.TradeMaxTimeout, "10"));

        Assert.Equal(["AUTO_TRADE_MAX_TIMEOUT: 10 is below AUTO_TRADE_BASE_TIMEOUT (30)"], result.Errors);
    }

    [Fact]
    public void Load_BaseTimeoutAboveDefaultMax_ReportsMaxBelowBase()
    {
        var result = TestSettings.Load((AriaVariables.TradeBaseTimeout, "200"));

        Assert.Equal(["AUTO_TRADE_MAX_TIMEOUT: 120 is below AUTO_TRADE_BASE_TIMEOUT (200)"], result.Errors);
    }

    [Fact]
    public void Load_SeveralBadValues_ReportsEveryOne()
    {
        var result = TestSettings.Load(
            (AriaVariables.TradeCircuitBreakerCooldown, "-1"),
            (AriaVariables.RiskVarConfidence, "2"),
            (AriaVariables.TradePositionLimits, "EURUSD:x,GBPUSD:-1"),
            (AriaVariables.SiloPort, "0"),
            (AriaVariables.AutoTrade, "perhaps"));

        Assert.Equal(6, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.StartsWith(AriaVariables.TradeCircuitBreakerCooldown + ":", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith(AriaVariables.RiskVarConfidence + ":", StringComparison.Ordinal));
        Assert.Equal(2, result.Errors.Count(e => e.StartsWith(AriaVariables.TradePositionLimits + ":", StringComparison.Ordinal)));
        Assert.Contains(result.Errors, e => e.StartsWith(AriaVariables.SiloPort + ":", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith(AriaVariables.AutoTrade + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EmailEnabledWithoutSmtpSettings_RequiresHostFromAndTo()
    {
        var result = TestSettings.Load((AriaVariables.AlertEmailEnabled, "YES"));

        Assert.Equal(
        [
            "ALERT_SMTP_HOST: is required when ALERT_EMAIL_ENABLED is on",
            "ALERT_SMTP_FROM: is required when ALERT_EMAIL_ENABLED is on",
            "ALERT_SMTP_TO: is required when ALERT_EMAIL_ENABLED is on",
        ], result.Errors);
    }

    [Fact]
    public void Load_BadRedisWithPassword_DoesNotEchoPassword()
    {
        var result = TestSettings.Load((AriaVariables.Redis, "password=hunter2,abortConnect=false"));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ARIA_REDIS: ", error);
        Assert.DoesNotContain("hunter2", error);
    }
}
