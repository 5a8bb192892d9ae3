using System.Collections.Concurrent;
using AriaPro.Silo.Http.OpenApi;
using AriaPro.Silo.Tests.Hosting;
using AriaPro.Silo.Tests.WebConsole;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AriaPro.Silo.Tests.OpenApi;

/// <summary>
/// /docs in Debian's Chromium with every request to a host other than 127.0.0.1 recorded and
/// aborted: the reference must render the facade's operations from the silo alone.
/// </summary>
[Trait("Category", "Integration")]
[Collection(BrowserCollection.Name)]
public sealed class DocsBrowserTests(ChromiumFixture chromium, HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Docs_Offline_RendersTheOperationsWithNoExternalRequest()
    {
        var silo = fixture.Host.Http.BaseAddress!;
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var external = new ConcurrentQueue<string>();
        var local = new ConcurrentQueue<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Host == silo.Host && url.Port == silo.Port)
            {
                local.Enqueue(url.AbsolutePath);
                await route.ContinueAsync();
            }
            else
            {
                external.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue(message.Text);
            }
        };

        var response = await page.GotoAsync(new Uri(silo, OpenApiExtensions.DocsPath).ToString());
        await Expect(page.GetByText("AriaPro HTTP API").First).ToBeVisibleAsync();
        await Expect(page.GetByText("/security/api-keys/{id}").First).ToBeVisibleAsync();
        // The reference renders operations as they scroll into view: go to an admin one first.
        await page.GetByRole(AriaRole.Link, new() { Name = "/security/api-keys HTTP Method: POST" }).ClickAsync();
        await Expect(page.GetByText("Needs the role admin").First).ToBeAttachedAsync();
        foreach (var tag in new[] { "Trading", "Risk", "AI", "Monitoring", "Events", "Health" })
        {
            await Expect(page.GetByText(tag, new() { Exact = true }).First).ToBeVisibleAsync();
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestArtifacts.Directory(), "docs.png") });

        Assert.Equal(OpenApiExtensions.DocsContentSecurityPolicy, await response!.HeaderValueAsync("content-security-policy"));
        Assert.Contains(OpenApiExtensions.DocumentPath, local);
        Assert.True(external.IsEmpty, $"the reference asked for other hosts: {string.Join(", ", external)}");
        Assert.True(errors.IsEmpty, $"the page reported errors: {string.Join(" | ", errors)}");
    }
}
