using AriaPro.Silo.Hosting;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>
/// The README's one command, as a process with nothing set but its ports and a known admin key:
/// it trades on its own (synthetic feed, models, auto-trader, paper broker) within its first analyses.
/// </summary>
[Trait("Category", "Integration"), Collection(Cluster.SiloProcessesCollection.Name)]
public sealed partial class DefaultRunTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    // The first analyses run 5 s after start; each symbol waits at most until its next one.
    private static readonly TimeSpan FirstFillLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DefaultEmbeddedRun_AutoTraderFillsAnOrderThatShowsInThePosition()
    {
        var httpPort = LoopbackPorts.Free();
        var data = Directory.CreateTempSubdirectory("aria-default-").FullName;
        using var cleanup = new Cleanup(() => Directory.Delete(data, recursive: true));

        // The default store (durable), in a folder of the test's own instead of the user's.
        await using var silo = SiloProcess.StartEmbedded(httpPort, new Dictionary<string, string>
        {
            ["ARIA_ADMIN_API_KEY"] = TestAuth.AdminKey,
            ["ARIA_STORAGE"] = "",
            ["ARIA_DATA_DIR"] = data,
        });
        await silo.WaitForOutputAsync("auto-trading True", StartLimit);

        var filled = await Cluster.Poll.UntilAsync(() => silo.Lines.Any(l => FillLine().IsMatch(l)), FirstFillLimit);
        Assert.True(filled, $"no auto-trader order filled within {FirstFillLimit.TotalSeconds} s of start.\n{silo.Output}");
        var fill = silo.Lines.Select(l => FillLine().Match(l)).First(m => m.Success);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        await TestAuth.AuthorizeAsAdminAsync(http);
        var order = await http.GetFromJsonAsync<JsonObject>($"/trading/orders/{fill.Groups["id"].Value}");
        var positions = await http.GetFromJsonAsync<JsonArray>("/trading/positions");

        Assert.Equal("auto", (string?)order!["source"]);
        Assert.Equal("Filled", (string?)order["status"]);
        Assert.Equal(fill.Groups["symbol"].Value, (string?)order["symbol"]);
        Assert.NotEqual(0m, (decimal?)positions!.Single(p => (string?)p!["symbol"] == fill.Groups["symbol"].Value)!["quantity"]);
        Assert.Contains(silo.Lines, l => l.Contains($"State lives on disk in {data}", StringComparison.Ordinal));
    }

    private sealed class Cleanup(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    [GeneratedRegex(@"Order (?<id>auto-[A-Z]{6}-\d+-\d+) on (?<symbol>[A-Z]{6}) filled")]
    private static partial Regex FillLine();
}
