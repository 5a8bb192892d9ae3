using Microsoft.Playwright;

namespace AriaPro.Silo.Tests.WebConsole;

/// <summary>
/// One headless Chromium for every browser test: Debian's chromium package driven by the driver
/// Microsoft.Playwright brings (no browser download, never <c>playwright install</c>).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>The real binary; /usr/bin/chromium is a wrapper script that adds flags and noise.</summary>
    public const string ExecutablePath = "/usr/lib/chromium/chromium";

    /// <summary>How long an expectation waits for the page to get there.</summary>
    public const float ExpectTimeoutMs = 20_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The shared browser; fails the test, saying what to install, when Chromium is missing.</summary>
    public IBrowser Browser => _browser ?? throw new Xunit.Sdk.XunitException(
        $"Chromium is not installed: {ExecutablePath} is missing. Install Debian's chromium package (apt-get install -y chromium); ./test.sh installs it.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        // A host's first answers (token, status read, the WebSocket welcome) can take seconds on a busy machine.
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,

            // Headless Chromium still resolves Google hosts unless told every name but loopback fails.
            Args = ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The browser tests share one <see cref="ChromiumFixture"/> and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
