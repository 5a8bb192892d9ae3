using System.Globalization;
using AriaPro.Silo.Configuration;
using AriaPro.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace AriaPro.Benchmarks;

/// <summary>The settings of a benchmark's embedded silo: loopback on free ports, memory storage, no auto-trader, no audit log.</summary>
internal static class BenchSettings
{
    /// <summary>The bench silo's settings with <paramref name="extra"/> variables; null (and the loader's errors on standard error) when invalid.</summary>
    public static AriaSettings? Load(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ARIA_HTTP_URLS"] = "http://127.0.0.1:0",
            ["ARIA_SILO_PORT"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["ARIA_GATEWAY_PORT"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["ARIA_AUTOTRADE"] = "0",
            ["ARIA_ADMIN_API_KEY"] = "aria_bench_0123456789abcdef0123456789abcdef",
            ["ARIA_AUDIT_LOG"] = "none",
            ["ARIA_STORAGE"] = "memory",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        var loaded = AriaSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        if (!loaded.IsValid)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, loaded.Errors));
            return null;
        }

        return loaded.Settings;
    }
}
