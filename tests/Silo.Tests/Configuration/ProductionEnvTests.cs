using System.Text.RegularExpressions;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Configuration;

[Trait("Category", "Unit")]
public sealed partial class ProductionEnvTests
{
    [Fact]
    public void ProductionEnv_EveryVariable_IsListedOnce()
    {
        var names = ReadEntries().Select(e => e.Name).ToList();

        Assert.Equal(AriaVariables.All.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ProductionEnv_ActiveValues_LoadWithoutErrorsOrWarnings()
    {
        var active = ReadEntries().Where(e => e.Active).ToDictionary(e => e.Name, e => (string?)e.Value);
        active[AriaVariables.MasterKey] = TestMasterKey.Base64;

        var result = TestSettings.Load(active);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Warnings);
        Assert.Equal("redis:6379", result.Settings.Hosting.Redis);
    }

    [Fact]
    public void ProductionEnv_WithoutInjectedMasterKey_RefusesClusterMode()
    {
        var active = ReadEntries().Where(e => e.Active).ToDictionary(e => e.Name, e => (string?)e.Value);

        var result = TestSettings.Load(active);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ARIA_MASTER_KEY: is required when ARIA_REDIS is set", error);
    }

    private static List<(string Name, string Value, bool Active)> ReadEntries()
    {
        var path = Repository.PathOf("deploy", "production.env");
        return File.ReadAllLines(path)
            .Select(line => Entry().Match(line))
            .Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value, m.Groups["value"].Value, m.Groups["comment"].Length == 0))
            .ToList();
    }

    [GeneratedRegex(@"^(?<comment># )?(?<name>[A-Z][A-Z0-9_]+)=(?<value>.*)$")]
    private static partial Regex Entry();
}
