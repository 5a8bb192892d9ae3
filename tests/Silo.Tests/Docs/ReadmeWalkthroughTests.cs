using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Cluster;
using AriaPro.Silo.Tests.Hosting;
using AriaPro.Silo.Tests.Http;

namespace AriaPro.Silo.Tests.Docs;

/// <summary>
/// The README's code blocks run as written against a silo started as the README starts it
/// (<c>dotnet run --project src/Silo</c> at the repository's root, durable local storage). The only
/// changes to the text: the admin key the silo printed for <c>KEY=aria_...</c>, the test's port for
/// <c>localhost:8080</c>, and a temporary <c>--tool-path</c> for <c>--global</c> so the user's own tools are untouched.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReadmeWalkthroughTests : IDisposable
{
    // The installed tool, everything under its tool path included (the issue's bound).
    private const long ToolBytesLimit = 60L * 1024 * 1024;

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    private readonly string _work = Directory.CreateTempSubdirectory("aria-readme-").FullName;

    [Fact]
    public async Task CurlThenInstallThenCliWalkthrough_RunAsWritten_EveryAnswerSucceeds()
    {
        var port = LoopbackPorts.Free();
        await using var silo = SiloProcess.StartWithDotnetRun(Repository.Root, Environment(port, "data"));
        await silo.WaitForOutputAsync("AriaPro started", StartLimit);
        var key = silo.PrintedAdminKey;

        var curl = ReadmeBlocks.After("Try it:")
            .Select(line => line.StartsWith("KEY=aria_...", StringComparison.Ordinal) ? $"KEY={key}" : line.Replace("localhost:8080", $"127.0.0.1:{port}", StringComparison.Ordinal));
        var (code, output) = await BashAsync(ReadmeBlocks.Script(curl), _work);
        Assert.True(code == 0, $"the README's curl walk-through failed (exit {code}):\n{output}");
        Assert.Contains("\"clientOrderId\":\"my-1\"", output);
        Assert.Contains("\"symbol\":\"EURUSD\"", output);
        Assert.Contains("\"tradingState\":", output);
        Assert.Contains("\"apiKey\":\"", output);

        var tools = Path.Combine(_work, "tools");
        var install = ReadmeBlocks.After("Install it once")
            .Select(line => line.Replace("--global", $"--tool-path {tools}", StringComparison.Ordinal));
        (code, output) = await BashAsync(ReadmeBlocks.Script(install), Repository.Root);
        Assert.True(code == 0, $"the README's install of aria failed (exit {code}):\n{output}");
        var installed = new DirectoryInfo(tools).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        Assert.Contains(installed, f => f.Name == "aria");
        var bytes = installed.Sum(f => f.Length);
        Assert.True(bytes < ToolBytesLimit, $"the installed aria takes {bytes / 1024.0 / 1024:F1} MB");
        Assert.DoesNotContain(installed, f => f.Name is "AriaPro.Silo.dll" or "AriaPro.Grains.dll" or "aria-replay.dll" || f.Name.Contains("onnxruntime", StringComparison.OrdinalIgnoreCase));

        var cli = ReadmeBlocks.After("the token is kept in your config folder");
        (code, output) = await BashAsync(ReadmeBlocks.Script(cli), _work, new Dictionary<string, string>
        {
            ["PATH"] = $"{tools}:{System.Environment.GetEnvironmentVariable("PATH")}",
            ["KEY"] = key,
            ["ARIA_URL"] = $"http://127.0.0.1:{port}",
            ["ARIA_CONFIG_DIR"] = Path.Combine(_work, "config"),
        });
        Assert.True(code == 0, $"the README's CLI walk-through failed (exit {code}):\n{output}");
        Assert.Contains("my-3", output);
        Assert.Contains("Filled", output);
        Assert.Contains("performance_metric", output);
        Assert.DoesNotContain("aria:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailurePaths_EachLineStartsASilo_ThatDoesWhatItsCommentSays()
    {
        var lines = ReadmeBlocks.After("Failure paths can be exercised for real:");

        Assert.Equal(3, lines.Count);
        foreach (var line in lines)
        {
            var (variables, claim) = Parse(line);
            var port = LoopbackPorts.Free();
            var environment = Environment(port, $"data-{port}");
            foreach (var (name, value) in variables)
            {
                environment[name] = value;
            }

            await using var silo = SiloProcess.StartWithDotnetRun(Repository.Root, environment);
            await silo.WaitForOutputAsync("AriaPro started", StartLimit);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", await TestAuth.TokenAsync(http, silo.PrintedAdminKey));
            await ProveAsync(claim, http, silo, line);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    // Each comment is a promise; the test knows how to check each, and a new one fails until it does.
    private static async Task ProveAsync(string claim, HttpClient http, SiloProcess silo, string line)
    {
        if (claim.Contains("breaker trips after 3 rejects", StringComparison.Ordinal))
        {
            for (var n = 1; n <= 3; n++)
            {
                using var submitted = await http.PostAsync("/trading/orders", HttpJson.Body(HttpJson.Order($"readme-reject-{n}", quantity: 0.1m)));
            }

            var open = await Poll.UntilAsync(async () => (string?)(await Symbol(http))["circuitBreaker"]!["state"] == "Open", TimeSpan.FromSeconds(30));
            Assert.True(open, $"`{line}`: the breaker is {(await Symbol(http))["circuitBreaker"]}\n{silo.Output}");
        }
        else if (claim.Contains("orders expire", StringComparison.Ordinal))
        {
            await http.PostOrder(HttpJson.Order("readme-expire", quantity: 0.1m), HttpStatusCode.Created);
            var expired = await Poll.UntilAsync(async () => (string?)(await http.GetFromJsonAsync<JsonObject>("/trading/orders/readme-expire"))!["status"] == "Expired", TimeSpan.FromSeconds(30));
            Assert.True(expired, $"`{line}`: the order did not expire\n{silo.Output}");
        }
        else if (claim.Contains("replay real bars", StringComparison.Ordinal))
        {
            const string activated = "Market data EURUSD activated on feed";
            await silo.WaitForOutputAsync(activated, TimeSpan.FromSeconds(30));
            var feed = silo.Lines.First(l => l.Contains(activated, StringComparison.Ordinal));
            Assert.Contains("eurusd-daily-2005-2018.csv", feed);
        }
        else
        {
            Assert.Fail($"the README's failure path `{line}` promises something this test does not check");
        }
    }

    // "VAR=value VAR=value dotnet run --project src/Silo   # what happens": the variables and the promise.
    private static (IReadOnlyList<(string Name, string Value)> Variables, string Claim) Parse(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        Assert.True(hash > 0, $"`{line}` says nothing of what it shows");
        var words = line[..hash].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var variables = words.TakeWhile(w => w.Contains('=', StringComparison.Ordinal)).Select(w => (w[..w.IndexOf('=', StringComparison.Ordinal)], w[(w.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToList();
        Assert.Equal("dotnet run --project src/Silo", string.Join(' ', words.Skip(variables.Count)));
        Assert.NotEmpty(variables);
        return (variables, line[(hash + 1)..].Trim());
    }

    private static async Task<JsonObject> Symbol(HttpClient http) => (await http.GetFromJsonAsync<JsonObject>("/trading/symbols/EURUSD"))!;

    // Free ports and a data folder of the test's own; nothing else is set, so the silo runs its defaults.
    private Dictionary<string, string> Environment(int port, string data) => new()
    {
        ["ARIA_HTTP_URLS"] = $"http://127.0.0.1:{port}",
        ["ARIA_SILO_PORT"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
        ["ARIA_GATEWAY_PORT"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
        ["ARIA_DATA_DIR"] = Path.Combine(_work, data),
    };

    private static Task<(int ExitCode, string Output)> BashAsync(string script, string directory, IDictionary<string, string>? environment = null) =>
        ChildProcess.RunAsync("bash", ["-c", script], environment, directory);
}
