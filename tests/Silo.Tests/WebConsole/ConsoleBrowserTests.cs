using System.Net;
using System.Text.RegularExpressions;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.Playwright;
using static AriaPro.Silo.Tests.Http.HttpJson;
using static Microsoft.Playwright.Assertions;

namespace AriaPro.Silo.Tests.WebConsole;

/// <summary>
/// The console in headless Chromium against a real host: logging in, panels filled from the API,
/// a breaker opening live over /ws after injected rejections, and the admin-only controls.
/// </summary>
[Trait("Category", "Integration")]
[Collection(BrowserCollection.Name)]
public sealed partial class ConsoleBrowserTests(ChromiumFixture chromium, ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private const string Symbol = "EURUSD";

    // Another symbol than the breaker test's, so the two tests never touch the same trader.
    private const string HaltedSymbol = "USDJPY";

    // The shipped rule fires on the monitoring loop's next evaluation after the breaker opens.
    private const float AlertTimeoutMs = 60_000;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Console_AdminAfterInjectedRejections_ShowsBreakerOpenLiveAndResetClosesIt()
    {
        var key = await TestAuth.CreateKeyAsync(Host.Http, "admin");
        await using var session = await OpenAsync();
        var page = session.Page;

        await LogInAsync(page, key);
        await Expect(page.GetByTestId("whoami")).ToContainTextAsync("admin");
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        await Expect(page.GetByTestId($"breaker-{Symbol}")).ToHaveTextAsync("Closed");
        await Expect(page.GetByTestId($"trading-{Symbol}")).ToHaveTextAsync("Active");
        await Expect(page.GetByTestId($"position-{Symbol}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("risk-equity")).ToHaveTextAsync(Digit());
        await Expect(page.GetByTestId("risk-sharpe")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("risk-method")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^historical simulation"));
        await Expect(page.GetByTestId("risk-var")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9,.]+ USD \\([0-9.]+ % of equity, budget 2\\.00 %\\)$"));
        await Expect(page.GetByTestId("models").Locator("tr").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("alerts").Locator("tr").First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.ariaSamePage = true; }");

        for (var i = 1; i <= ConsoleHostFixture.BreakerFailures; i++)
        {
            await Host.Http.PostOrder(Order($"console-rejected-{i}", Symbol), HttpStatusCode.Created);
            await Host.Http.WaitForStatus($"console-rejected-{i}", "Rejected");
        }

        await Expect(page.GetByTestId($"breaker-{Symbol}")).ToHaveTextAsync("Open");
        await Expect(page.GetByTestId($"failures-{Symbol}")).ToHaveTextAsync(ConsoleHostFixture.BreakerFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.EvaluateAsync<bool>("() => window.ariaSamePage === true"), "the page must not have been reloaded: the change came over /ws");

        await page.GetByTestId($"reset-{Symbol}").ClickAsync();

        await Expect(page.GetByTestId($"breaker-{Symbol}")).ToHaveTextAsync("Closed");
        await Expect(page.GetByTestId($"failures-{Symbol}")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("banner")).ToBeHiddenAsync();
        var screenshot = Path.Combine(TestArtifacts.Directory(), "console.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > PngSignature.Length && png.AsSpan(0, PngSignature.Length).SequenceEqual(PngSignature), $"{screenshot} is not a PNG");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Console_AdminHaltsSymbol_AlertArrivesLiveAndIsAcknowledgedWithTheButton()
    {
        var key = await TestAuth.CreateKeyAsync(Host.Http, "admin");
        await using var session = await OpenAsync();
        var page = session.Page;
        await LogInAsync(page, key);
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");

        await page.GetByTestId($"halt-{HaltedSymbol}").ClickAsync();

        await Expect(page.GetByTestId($"breaker-{HaltedSymbol}")).ToHaveTextAsync("Isolated");
        var alert = page.GetByTestId("alerts").Locator("tr", new() { HasText = $"Trader circuit breaker open: {HaltedSymbol}" });
        await Expect(alert).ToBeVisibleAsync(new() { Timeout = AlertTimeoutMs });
        await Expect(alert.Locator("[data-testid^='alert-state-']")).ToHaveTextAsync("Firing");

        await alert.Locator("[data-testid^='ack-']").ClickAsync();

        await Expect(alert.Locator("[data-testid^='alert-ack-']")).Not.ToHaveTextAsync("no");
        await Expect(alert.Locator("[data-testid^='ack-']")).ToHaveCountAsync(0);

        await page.GetByTestId($"resume-{HaltedSymbol}").ClickAsync();

        await Expect(page.GetByTestId($"breaker-{HaltedSymbol}")).Not.ToHaveTextAsync("Isolated");
        await Expect(page.GetByTestId("banner")).ToBeHiddenAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Console_ViewerLogsIn_SeesPanelsWithoutAdminButtons()
    {
        var key = await TestAuth.CreateKeyAsync(Host.Http, "viewer");
        await using var session = await OpenAsync();
        var page = session.Page;

        await LogInAsync(page, key);

        await Expect(page.GetByTestId("whoami")).ToContainTextAsync("viewer");
        await Expect(page.GetByTestId($"breaker-{Symbol}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"position-{Symbol}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"reset-{Symbol}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"halt-{Symbol}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"resume-{Symbol}")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid^='ack-']")).ToHaveCountAsync(0);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Console_UnknownKey_StaysOnLoginWithTheProblemShown()
    {
        await using var session = await OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/console/");
        await page.GetByTestId("api-key").FillAsync("not-a-key-of-this-silo");
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("banner-text")).ToContainTextAsync("Unknown API key");
        await Expect(page.GetByTestId("login")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dashboard")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ariapro.console.token')"));
    }

    [Fact]
    public async Task Console_LogOut_ForgetsTheTokenAndShowsLogin()
    {
        var key = await TestAuth.CreateKeyAsync(Host.Http, "viewer");
        await using var session = await OpenAsync();
        var page = session.Page;
        await LogInAsync(page, key);
        Assert.NotNull(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ariapro.console.token')"));

        await page.GetByTestId("logout").ClickAsync();

        await Expect(page.GetByTestId("login")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "offline");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ariapro.console.token')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
    }

    [Fact]
    public async Task Console_TokenRevoked_NextReadSendsBackToLoginWithTheReason()
    {
        var key = await TestAuth.CreateKeyAsync(Host.Http, "viewer");
        await using var session = await OpenAsync();
        var page = session.Page;
        await LogInAsync(page, key);
        var jti = await page.EvaluateAsync<string>(
            "() => JSON.parse(atob(sessionStorage.getItem('ariapro.console.token').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).jti");

        using var revoked = await Host.Http.PostAsync("/security/revoke", Body($$"""{"jti":"{{jti}}"}"""));

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await Expect(page.GetByTestId("login")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("banner-text")).ToContainTextAsync("revoked");
        await Expect(page.GetByTestId("dashboard")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ariapro.console.token')"));
    }

    [Fact]
    public async Task Console_ApiAnswersProblemOrNothing_BannerSaysWhat()
    {
        var key = await TestAuth.CreateKeyAsync(Host.Http, "viewer");
        await using var session = await OpenAsync();
        var page = session.Page;
        await LogInAsync(page, key);

        await page.RouteAsync("**/trading/positions", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 503,
            ContentType = "application/problem+json",
            Body = """{"title":"Grain call timed out","detail":"GET /trading/positions: no answer within 10 s"}""",
        }));

        await Expect(page.GetByTestId("banner-text")).ToHaveTextAsync("Grain call timed out: GET /trading/positions: no answer within 10 s");

        await page.GetByTestId("banner-close").ClickAsync();
        await page.UnrouteAsync("**/trading/positions");
        await page.RouteAsync("**/trading/risk/metrics", route => route.AbortAsync());

        await Expect(page.GetByTestId("banner-text")).ToContainTextAsync("The silo did not answer: GET /trading/risk/metrics");
        await Expect(page.GetByTestId("dashboard")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Console_AnAdminLoggedInThere_OpensTheOrleansDashboard_AndAfterLoggingOutItIsRefused()
    {
        var key = await TestAuth.CreateKeyAsync(Host.Http, "admin");
        await using var session = await OpenAsync();
        var page = session.Page;

        await LogInAsync(page, key);
        var dashboard = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("dashboard-link").ClickAsync());
        await dashboard.WaitForLoadStateAsync();
        var opened = await dashboard.EvaluateAsync<int>("async () => (await fetch('/dashboard/')).status");
        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("login")).ToBeVisibleAsync();
        var afterLogout = await page.EvaluateAsync<int>("async () => (await fetch('/dashboard/')).status");

        Assert.EndsWith("/dashboard/", dashboard.Url);
        Assert.Equal(200, opened);
        Assert.Equal(401, afterLogout);
    }

    [Fact]
    public async Task Console_AViewer_SeesNoDashboardLink_AndTheDashboardRefusesItsCookie()
    {
        var key = await TestAuth.CreateKeyAsync(Host.Http, "viewer");
        await using var session = await OpenAsync();
        var page = session.Page;

        await LogInAsync(page, key);
        var status = await page.EvaluateAsync<int>("async () => (await fetch('/dashboard/')).status");

        await Expect(page.GetByTestId("dashboard-link")).ToBeHiddenAsync();
        Assert.Equal(403, status);
    }

    private async Task<BrowserSession> OpenAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Http.BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        page.PageError += (_, error) => session.Errors.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.Errors.Add($"console error: {message.Text}");
            }
        };
        return session;
    }

    private static async Task LogInAsync(IPage page, string key)
    {
        await page.GotoAsync("/console/");
        await page.GetByTestId("api-key").FillAsync(key);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("dashboard")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("login")).ToBeHiddenAsync();
    }

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    private sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        /// <summary>Script errors and console errors (CSP violations among them) the page reported.</summary>
        public List<string> Errors { get; } = [];

        public ValueTask DisposeAsync() => context.DisposeAsync();
    }
}
