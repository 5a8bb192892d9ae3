using AriaPro.Silo.Configuration;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed class AuditSettingsTests
{
    [Fact]
    public void Load_Defaults_RotateAt100MegabytesAndKeepTen()
    {
        var s = TestSettings.LoadValid();

        Assert.Equal("logs/audit.jsonl", s.Audit.FilePath);
        Assert.Equal(100L * 1024 * 1024, s.Audit.MaxFileBytes);
        Assert.Equal(10, s.Audit.KeepFiles);
    }

    [Fact]
    public void Load_Overrides_Bind()
    {
        var s = TestSettings.LoadValid(
            (AriaVariables.AuditLog, "/var/log/aria/trail.jsonl"),
            (AriaVariables.AuditMaxMegabytes, "10000"),
            (AriaVariables.AuditKeep, " 1 "));

        Assert.Equal("/var/log/aria/trail.jsonl", s.Audit.FilePath);
        Assert.Equal(10_000L * 1024 * 1024, s.Audit.MaxFileBytes);
        Assert.Equal(1, s.Audit.KeepFiles);
    }

    [Fact]
    public void Describe_AuditVariables_ShowEffectiveValues()
    {
        var lines = TestSettings.LoadValid((AriaVariables.AuditMaxMegabytes, "5"), (AriaVariables.AuditKeep, "1000")).Describe();

        Assert.Contains("ARIA_AUDIT_LOG=logs/audit.jsonl", lines);
        Assert.Contains("ARIA_AUDIT_MAX_MB=5", lines);
        Assert.Contains("ARIA_AUDIT_KEEP=1000", lines);
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { AriaVariables.AuditMaxMegabytes, "0", "must be a whole number of MB from 1 to 10000" },
        { AriaVariables.AuditMaxMegabytes, "10001", "must be a whole number of MB from 1 to 10000" },
        { AriaVariables.AuditMaxMegabytes, "-5", "must be a whole number of MB from 1 to 10000" },
        { AriaVariables.AuditMaxMegabytes, "1.5", "is not a whole number" },
        { AriaVariables.AuditMaxMegabytes, "100MB", "is not a whole number" },
        { AriaVariables.AuditKeep, "0", "must be a whole number from 1 to 1000" },
        { AriaVariables.AuditKeep, "1001", "must be a whole number from 1 to 1000" },
        { AriaVariables.AuditKeep, "ten", "is not a whole number" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Load_BadValue_ReportsOneLineNamingVariable(string name, string value, string problem)
    {
        var result = TestSettings.Load((name, value));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"{name}: '{value}' — {problem}", error);
        Assert.DoesNotContain('\n', error);
    }
}
