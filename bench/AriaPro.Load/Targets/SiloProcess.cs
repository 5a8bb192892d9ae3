using System.Diagnostics;

namespace AriaPro.Load.Targets;

/// <summary>
/// A silo started as an operating-system process (<c>dotnet AriaPro.Silo.dll</c>), as an operator
/// starts it; its output goes to a log file so the generator's table stays readable.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ReadyStep = TimeSpan.FromMilliseconds(250);

    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(Process process, StreamWriter log, Uri http, int gatewayPort)
    {
        _process = process;
        _log = log;
        HttpAddress = http;
        GatewayPort = gatewayPort;
    }

    /// <summary>The facade's base address.</summary>
    public Uri HttpAddress { get; }

    /// <summary>The silo's client gateway port.</summary>
    public int GatewayPort { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts a silo with <paramref name="environment"/> (ARIA_* variables of the generator's own environment are not passed on).</summary>
    public static SiloProcess Start(IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.SiloAssembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ARIA_", StringComparison.Ordinal) || k.StartsWith("AUTO_TRADE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet {RepositoryPaths.SiloAssembly} did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var http = new Uri(environment["ARIA_HTTP_URLS"]);
        return new SiloProcess(process, log, http, int.Parse(environment["ARIA_GATEWAY_PORT"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The process's working set now, in bytes.</summary>
    public long WorkingSet()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>Waits until <c>GET /health/ready</c> answers 200; throws if the process exits or the limit passes.</summary>
    public async Task WaitReadyAsync(HttpClient http)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the silo at {HttpAddress} exited with code {_process.ExitCode} before it was ready; see its log");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(HttpAddress, "/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (limit.Elapsed < ReadyLimit)
            {
                // Not listening yet: asked again after the step below.
            }

            if (limit.Elapsed >= ReadyLimit)
            {
                throw new TimeoutException($"the silo at {HttpAddress} was not ready within {ReadyLimit.TotalSeconds:F0} s; see its log");
            }

            await Task.Delay(ReadyStep);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
