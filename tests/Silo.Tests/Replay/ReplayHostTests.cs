using AriaPro.Silo.Configuration;
using AriaPro.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Silo.Tests.Replay;

/// <summary>The host hook a replay relies on: a host that does not start trading on its own schedule.</summary>
[Trait("Category", "Integration")]
public sealed class ReplayHostTests
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task Build_StartsTrading_RegistersTheTradingBootstrapperOnlyWhenOn(bool startsTrading, int expected)
    {
        var settings = AriaSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ARIA_AUDIT_LOG"] = "none",
            ["ARIA_STORAGE"] = "memory",
        }).Build()).Settings!;
        settings.Hosting.StartsTrading = startsTrading;
        List<ServiceDescriptor> registered = [];

        await using var app = AriaProHost.Build(settings, services: services => registered = [.. services]);

        Assert.Equal(expected, registered.Count(d => d.ImplementationType == typeof(TradingBootstrapper)));
    }
}
