using AriaPro.Silo.Tests.Hosting;
using AriaPro.Grains.MarketData;
using AriaPro.Silo.Configuration;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class AriaSettingsLoaderOverrideTests
{
    [Fact]
    public void Load_TradingOverrides_Bind()
    {
        var s = TestSettings.LoadValid(
            (AriaVariables.TradeCircuitBreakerCooldown, "90.5"),
            (AriaVariables.TradeCircuitBreakerFailures, "3"),
            (AriaVariables.TradePositionLimits, " eurusd:0.5 , GBPUSD:0 ,USDJPY:10"),
            (AriaVariables.TradeBaseTimeout, "15"),
            (AriaVariables.TradeMaxTimeout, "15"),
            (AriaVariables.AutoTrade, "No"),
            (AriaVariables.AutoTradeLots, "0.25"),
            (AriaVariables.PaperLatencyMs, "0"),
            (AriaVariables.PaperRejectRate, "1"),
            (AriaVariables.PaperSlippagePips, "0"),
            (AriaVariables.PaperSeed, "-7"));

        Assert.Equal(TimeSpan.FromSeconds(90.5), s.Trader.CircuitBreakerCooldown);
        Assert.Equal(3, s.Trader.CircuitBreakerFailures);
        Assert.Equal(0.5m, s.Trader.LimitFor("EURUSD"));
        Assert.Equal(0m, s.Trader.LimitFor("GBPUSD"));
        Assert.Equal(10m, s.Trader.LimitFor("usdjpy"));
        Assert.Equal(TimeSpan.FromSeconds(15), s.Trader.BaseOrderTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), s.Trader.MaxOrderTimeout);
        Assert.False(s.AutoTrader.Enabled);
        Assert.Equal(0.25m, s.AutoTrader.Lots);
        Assert.Equal(TimeSpan.Zero, s.PaperBroker.Latency);
        Assert.Equal(1.0, s.PaperBroker.RejectRate);
        Assert.Equal(0m, s.PaperBroker.SlippagePips);
        Assert.Equal(-7, s.PaperBroker.Seed);
    }

    [Fact]
    public void Load_RiskSecurityAndModelOverrides_Bind()
    {
        var s = TestSettings.LoadValid(
            (AriaVariables.RiskVarConfidence, "0.9"),
            (AriaVariables.RiskCvarConfidence, "0.975"),
            (AriaVariables.RiskKellyMaxSize, "1"),
            (AriaVariables.RiskLookbackDays, "2"),
            (AriaVariables.AiCircuitBreakerThreshold, "0"),
            (AriaVariables.AiPerformanceWindow, "1"),
            (AriaVariables.AiBaseAnalysisInterval, "0.5"),
            (AriaVariables.AiModelTimeout, "2"),
            (AriaVariables.JwtRotationHours, "1"),
            (AriaVariables.JwtSecretOverlapHours, "0"),
            (AriaVariables.JwtMaxSecrets, "2"),
            (AriaVariables.RateLimitRequestsPerMinute, "600"));

        Assert.Equal(0.9, s.Risk.VarConfidence);
        Assert.Equal(0.975, s.Risk.CvarConfidence);
        Assert.Equal(1.0, s.Risk.KellyMaxSize);
        Assert.Equal(2, s.Risk.LookbackDays);
        Assert.Equal(0.0, s.ModelHealth.CircuitBreakerThreshold);
        Assert.Equal(1, s.ModelHealth.PerformanceWindow);
        Assert.Equal(TimeSpan.FromSeconds(0.5), s.AutoTrader.AnalysisInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), s.ModelHealth.ModelTimeout);
        Assert.Equal(TimeSpan.FromHours(1), s.JwtRotation.Rotation);
        Assert.Equal(TimeSpan.Zero, s.JwtRotation.Overlap);
        Assert.Equal(2, s.JwtRotation.MaxSecrets);
        Assert.Equal(600, s.RateLimit.RequestsPerMinute);
    }

    [Fact]
    public void Load_MonitoringOverrides_Bind()
    {
        var s = TestSettings.LoadValid(
            (AriaVariables.MonitoringEnabled, "FALSE"),
            (AriaVariables.AlertEmailEnabled, "1"),
            (AriaVariables.AlertSmtpHost, "smtp.example.test"),
            (AriaVariables.AlertSmtpPort, "587"),
            (AriaVariables.AlertSmtpUser, "aria"),
            (AriaVariables.AlertSmtpPassword, "s3cret"),
            (AriaVariables.AlertSmtpFrom, "aria@example.test"),
            (AriaVariables.AlertSmtpTo, "ops@example.test, risk@example.test"),
            (AriaVariables.AlertWebhookUrl, "https://hooks.example.test/alerts?token=abc"));

        Assert.False(s.Monitoring.Enabled);
        Assert.True(s.Monitoring.EmailEnabled);
        Assert.Equal("smtp.example.test", s.Monitoring.SmtpHost);
        Assert.Equal(587, s.Monitoring.SmtpPort);
        Assert.Equal("aria", s.Monitoring.SmtpUser);
        Assert.Equal("s3cret", s.Monitoring.SmtpPassword);
        Assert.Equal("aria@example.test", s.Monitoring.SmtpFrom);
        Assert.Equal(["ops@example.test", "risk@example.test"], s.Monitoring.SmtpTo);
        Assert.Equal(new Uri("https://hooks.example.test/alerts?token=abc"), s.Monitoring.WebhookUrl);
    }

    [Fact]
    public void Load_HostingAndMarketDataOverrides_Bind()
    {
        var s = TestSettings.LoadValid(
            (AriaVariables.HttpUrls, "http://0.0.0.0:8080; http://+:8081"),
            (AriaVariables.Redis, "redis:6379"),
            (AriaVariables.MasterKey, TestMasterKey.Base64),
            (AriaVariables.SiloPort, "11112"),
            (AriaVariables.GatewayPort, "30001"),
            (AriaVariables.ClusterId, "aria-prod_1.eu"),
            (AriaVariables.ServiceId, "ariapro"),
            (AriaVariables.Symbols, "eurusd"),
            (AriaVariables.TradePositionLimits, "EURUSD:3"),
            (AriaVariables.Feed, $"CSV:{TestSettings.ExistingCsv},eurusd"),
            (AriaVariables.FeedSpeed, "60"),
            (AriaVariables.FeedSeed, "-1"),
            (AriaVariables.FeedBarSeconds, "86400"));

        Assert.Equal("http://0.0.0.0:8080;http://+:8081", s.Hosting.HttpUrls);
        Assert.Equal("redis:6379", s.Hosting.Redis);
        Assert.True(s.Hosting.IsCluster);
        Assert.Equal(11112, s.Hosting.SiloPort);
        Assert.Equal(30001, s.Hosting.GatewayPort);
        Assert.Equal("aria-prod_1.eu", s.Hosting.ClusterId);
        Assert.Equal(["EURUSD"], s.MarketData.Symbols);
        Assert.Equal(FeedKind.Csv, s.MarketData.Feed);
        Assert.Equal(TestSettings.ExistingCsv, s.MarketData.CsvPath);
        Assert.Equal("EURUSD", s.MarketData.CsvSymbol);
        Assert.Equal(60.0, s.MarketData.Speed);
        Assert.Equal(-1, s.MarketData.Seed);
        Assert.Equal(TimeSpan.FromDays(1), s.MarketData.BarInterval);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("YES", true)]
    [InlineData("no", false)]
    public void Load_BooleanSpellings_Bind(string value, bool expected)
    {
        var s = TestSettings.LoadValid((AriaVariables.AutoTrade, value));

        Assert.Equal(expected, s.AutoTrader.Enabled);
    }

    [Fact]
    public void Load_RedisConnectionStringWithOptions_IsAccepted()
    {
        var s = TestSettings.LoadValid(
            (AriaVariables.Redis, "redis-a:6379,redis-b:6379,password=x,ssl=true,abortConnect=false"),
            (AriaVariables.MasterKey, TestMasterKey.Base64));

        Assert.True(s.Hosting.IsCluster);
    }
}
