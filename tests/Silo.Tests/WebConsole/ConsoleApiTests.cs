using System.Net;
using System.Net.Http.Headers;
using AriaPro.Silo.Http;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.WebConsole;

/// <summary>The console's page and assets over plain HTTP: anonymous, typed, under the console's policy, revalidated by ETag.</summary>
[Trait("Category", "Integration")]
public sealed class ConsoleApiTests(HostFixture fixture) : IClassFixture<HostFixture>, IDisposable
{
    private readonly HttpClient _anonymous = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.Http.BaseAddress };

    [Theory]
    [InlineData("/console/", "text/html")]
    [InlineData("/console/index.html", "text/html")]
    [InlineData("/console/console.js", "text/javascript")]
    [InlineData("/console/console-core.js", "text/javascript")]
    [InlineData("/console/console-panels.js", "text/javascript")]
    [InlineData("/console/console.css", "text/css")]
    public async Task GetConsole_Anonymous_ServesFileWithPolicyAndType(string path, string mediaType)
    {
        using var response = await _anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal(ConsoleApi.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoCache, "revalidated, not stored blindly");
        Assert.NotNull(response.Headers.ETag);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetConsole_Page_LoadsOnlyItsOwnScriptsInOrderAndStyle()
    {
        var html = await _anonymous.GetStringAsync("/console/");

        // Deferred scripts run in document order: the shared part, the panels, then the page.
        Assert.Contains("<script src=\"console-core.js\" defer></script>\n  <script src=\"console-panels.js\" defer></script>\n  <script src=\"console.js\" defer></script>",
            html.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"console.css\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, CountOf(html, "<script"));
    }

    [Fact]
    public async Task GetConsole_NoTrailingSlash_RedirectsToConsoleRoot()
    {
        using var response = await _anonymous.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConsoleApi.Root, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task GetConsole_IfNoneMatchCurrentETag_NotModified()
    {
        using var first = await _anonymous.GetAsync("/console/console.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/console.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await _anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetConsole_UnknownFile_NotFoundProblemNamingTheFiles()
    {
        using var response = await _anonymous.GetAsync("/console/missing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("console-core.js, console-panels.js, console.css, console.js, index.html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApi_Anonymous_StillRequiresAToken()
    {
        using var response = await _anonymous.GetAsync("/trading/positions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(new CacheControlHeaderValue { NoStore = true }, response.Headers.CacheControl);
    }

    public void Dispose() => _anonymous.Dispose();

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
