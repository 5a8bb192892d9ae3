using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>
/// One silo of a cluster-mode deployment, run as a real process on loopback ports it keeps
/// across restarts, so a restarted node takes its old place, as it would on a real machine.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, string> _environment;
    private SiloProcess? _process;

    private ClusterNode(IDictionary<string, string> environment)
    {
        var http = LoopbackPorts.Free();
        _environment = new(environment)
        {
            ["ARIA_HTTP_URLS"] = $"http://127.0.0.1:{http}",
            ["ARIA_SILO_PORT"] = LoopbackPorts.Free().ToString(),
            ["ARIA_GATEWAY_PORT"] = LoopbackPorts.Free().ToString(),
            ["ARIA_ADMIN_API_KEY"] = TestAuth.AdminKey,
        };
        foreach (var (name, value) in TestAuth.GenerousRateLimits)
        {
            _environment.TryAdd(name, value);
        }

        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The node's HTTP facade, as the admin.</summary>
    public HttpClient Http { get; }

    /// <summary>The silo-to-silo port, as the management grain reports it.</summary>
    public int SiloPort => int.Parse(_environment["ARIA_SILO_PORT"]);

    /// <summary>What the current (or last) process wrote, for failure messages.</summary>
    public string Output => _process?.Output ?? "(never started)";

    /// <summary>A node with its own ports; not started yet.</summary>
    public static ClusterNode Create(IDictionary<string, string> environment) => new(environment);

    /// <summary>Starts the silo process and waits until it reports itself started.</summary>
    public async Task StartAsync()
    {
        Assert.True(_process is null || _process.HasExited, "the node is already running");
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = SiloProcess.Start(_environment);
        await _process.WaitForOutputAsync("AriaPro started", StartLimit);
        try
        {
            await TestAuth.AuthorizeAsAdminAsync(Http);
        }
        catch (Exception exception) when (exception is Xunit.Sdk.XunitException)
        {
            // The silo's own log says why it would not issue a token. Its console is written in
            // batches (at most 50 ms late), and a CI summary shows only a failure's first line: the
            // errors it logged go on that line.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var output = Output;
            var errors = string.Join(" | ", output.Split('\n')
                .SkipWhile(line => !line.Contains(" ERR] ", StringComparison.Ordinal) && !line.Contains(" FTL] ", StringComparison.Ordinal))
                .Take(4).Select(line => line.Trim()));
            throw new Xunit.Sdk.XunitException(
                $"{exception.Message.ReplaceLineEndings(" ")} -- the silo logged: {(errors.Length == 0 ? "no error" : errors)}\nthe silo's output:\n{output}");
        }
    }

    /// <summary>
    /// Waits until this silo counts <paramref name="silos"/> active silos in the cluster, so a test
    /// that needs events or calls to cross silos starts after membership (and the stream queues
    /// that follow it) has settled, not while the second silo is still joining.
    /// </summary>
    public async Task WaitForActiveSilosAsync(int silos)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        var last = "(no answer)";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Http.GetAsync("/monitoring/system/status");
            last = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode
                && System.Text.Json.Nodes.JsonNode.Parse(last)?["cluster"]?["activeSilos"]?.GetValue<int>() == silos)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Fail($"the silo never counted {silos} active silos; its last status: {last}\n{Output}");
    }

    /// <summary>SIGKILL: the machine fails; nothing is flushed or handed over.</summary>
    public Task KillAsync() => _process?.KillAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
