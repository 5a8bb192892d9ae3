using AriaPro.Grains.MarketData;
using AriaPro.Silo.Configuration;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class AriaSettingsLoaderDefaultsTests
{
    [Fact]
    public void Load_EmptyEnvironment_MatchesSpecificationTable()
    {
        var result = TestSettings.Load();

        Assert.True(result.IsValid);
        Assert.Empty(result.Warnings);
        var s = result.Settings;
        Assert.Equal(TimeSpan.FromSeconds(3600), s.Trader.CircuitBreakerCooldown);
        Assert.Equal(5, s.Trader.CircuitBreakerFailures);
        Assert.Equal(new Dictionary<string, decimal> { ["EURUSD"] = 2m, ["GBPUSD"] = 1m, ["USDJPY"] = 1m }, s.Trader.PositionLimits);
        Assert.Equal(TimeSpan.FromSeconds(30), s.Trader.BaseOrderTimeout);
        Assert.Equal(TimeSpan.FromSeconds(120), s.Trader.MaxOrderTimeout);
        Assert.Equal(0.95, s.Risk.VarConfidence);
        Assert.Equal(0.99, s.Risk.CvarConfidence);
        Assert.Equal(0.25, s.Risk.KellyMaxSize);
        Assert.Equal(252, s.Risk.LookbackDays);
        Assert.Equal(0.3, s.ModelHealth.CircuitBreakerThreshold);
        Assert.Equal(100, s.ModelHealth.PerformanceWindow);
        Assert.Equal(TimeSpan.FromSeconds(60), s.AutoTrader.AnalysisInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), s.ModelHealth.ModelTimeout);
        Assert.Equal(TimeSpan.FromHours(24), s.JwtRotation.Rotation);
        Assert.Equal(TimeSpan.FromHours(2), s.JwtRotation.Overlap);
        Assert.Equal(5, s.JwtRotation.MaxSecrets);
        Assert.Equal(60, s.RateLimit.RequestsPerMinute);
        Assert.True(s.Monitoring.Enabled);
        Assert.False(s.Monitoring.EmailEnabled);
        Assert.Null(s.Monitoring.WebhookUrl);
    }

    [Fact]
    public void Load_EmptyEnvironment_UsesProjectDefaults()
    {
        var s = TestSettings.LoadValid();

        Assert.Equal("http://127.0.0.1:8080", s.Hosting.HttpUrls);
        Assert.Null(s.Hosting.Redis);
        Assert.False(s.Hosting.IsCluster);
        Assert.Equal(11111, s.Hosting.SiloPort);
        Assert.Equal(30000, s.Hosting.GatewayPort);
        Assert.Equal("aria", s.Hosting.ClusterId);
        Assert.Equal("ariapro", s.Hosting.ServiceId);
        Assert.Equal(["EURUSD", "GBPUSD", "USDJPY"], s.MarketData.Symbols);
        Assert.Equal(FeedKind.Synthetic, s.MarketData.Feed);
        Assert.Equal(1.0, s.MarketData.Speed);
        Assert.Equal(42, s.MarketData.Seed);
        Assert.Equal(TimeSpan.FromSeconds(1), s.MarketData.BarInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(50), s.PaperBroker.Latency);
        Assert.Equal(0.0, s.PaperBroker.RejectRate);
        Assert.Equal(0.2m, s.PaperBroker.SlippagePips);
        Assert.Null(s.PaperBroker.Seed);
        Assert.True(s.AutoTrader.Enabled);
        Assert.Equal(1m, s.AutoTrader.Lots);
        Assert.Equal(25, s.Monitoring.SmtpPort);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void Load_BlankValues_MeanUnset(string blank)
    {
        var variables = AriaVariables.All.ToDictionary(name => name, _ => (string?)blank);

        var result = TestSettings.Load(variables);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(TimeSpan.FromSeconds(3600), result.Settings.Trader.CircuitBreakerCooldown);
        Assert.Equal(["EURUSD", "GBPUSD", "USDJPY"], result.Settings.MarketData.Symbols);
    }
}
