using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.WebConsole;

/// <summary>
/// A host whose paper broker rejects every order (injected rejections) and whose breakers open
/// after three consecutive failures, shared by the console tests.
/// </summary>
public sealed class ConsoleHostFixture : IAsyncLifetime
{
    /// <summary>Failures that open a trader's breaker on this host.</summary>
    public const int BreakerFailures = 3;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["ARIA_PAPER_REJECT_RATE"] = "1",
        ["AUTO_TRADE_CB_FAILURES"] = BreakerFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
