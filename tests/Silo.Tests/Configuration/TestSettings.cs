using AriaPro.Silo.Configuration;
using Microsoft.Extensions.Configuration;

namespace AriaPro.Silo.Tests.Configuration;

/// <summary>Loads settings from an in-memory environment; only <see cref="ExistingCsv"/> exists as a file.</summary>
internal static class TestSettings
{
    public const string ExistingCsv = "/data/eurusd.csv";

    public static ConfigurationResult Load(params (string Name, string? Value)[] variables) =>
        Load(variables.ToDictionary(v => v.Name, v => v.Value));

    public static ConfigurationResult Load(IDictionary<string, string?> variables)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(variables).Build();
        return AriaSettingsLoader.Load(configuration, path => path == ExistingCsv);
    }

    public static AriaSettings LoadValid(params (string Name, string? Value)[] variables)
    {
        var result = Load(variables);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Settings;
    }
}
