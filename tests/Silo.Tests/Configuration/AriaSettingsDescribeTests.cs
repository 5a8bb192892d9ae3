using AriaPro.Silo.Tests.Hosting;
using AriaPro.Silo.Configuration;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class AriaSettingsDescribeTests
{
    [Fact]
    public void Describe_Defaults_ListsEveryVariableInOrder()
    {
        var lines = new AriaSettings().Describe();

        Assert.Equal(AriaVariables.All, lines.Select(l => l[..l.IndexOf('=')]));
        Assert.Contains("AUTO_TRADE_POS_LIMITS=EURUSD:2,GBPUSD:1,USDJPY:1", lines);
        Assert.Contains("AUTO_TRADE_CB_COOLDOWN=3600", lines);
        Assert.Contains("RISK_VAR_CONFIDENCE=0.95", lines);
        Assert.Contains("ARIA_FEED=synthetic", lines);
        Assert.Contains("MONITORING_ENABLED=1", lines);
    }

    [Fact]
    public void Describe_Secrets_AreMasked()
    {
        var settings = TestSettings.LoadValid(
            (AriaVariables.AlertSmtpPassword, "hunter2"),
            (AriaVariables.Redis, "redis:6379,password=hunter3"),
            (AriaVariables.MasterKey, TestMasterKey.Base64),
            (AriaVariables.AlertWebhookUrl, "https://hooks.example.test/services/T000/B000/hunter4"));

        var text = string.Join('\n', settings.Describe());

        Assert.DoesNotContain("hunter", text);
        Assert.DoesNotContain(TestMasterKey.Base64, text);
        Assert.Contains("ARIA_MASTER_KEY=***", text);
        Assert.Contains("ALERT_SMTP_PASSWORD=***", text);
        Assert.Contains("ARIA_REDIS=redis:6379,password=***", text);
        Assert.Contains("ALERT_WEBHOOK_URL=https://hooks.example.test/***", text);
    }

    [Fact]
    public void Wrap_TheDefaults_FitLinesOf160InTheirOrder_AndALongSettingGetsItsOwnLine()
    {
        var settings = new AriaSettings().Describe();

        var lines = SettingsDescription.Wrap(settings);
        var wrapped = SettingsDescription.Wrap(["A=1", new string('x', 30), "B=2"], width: 20);

        Assert.True(lines.Count > 5, $"{lines.Count} lines");
        Assert.All(lines, l => Assert.True(l.Length <= 160, $"{l.Length} characters: {l}"));
        Assert.Equal(string.Join(", ", settings), string.Join(", ", lines)); // only separators became line breaks
        Assert.Equal(["A=1", new string('x', 30), "B=2"], wrapped);
    }
}
