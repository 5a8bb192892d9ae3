using System.Collections.Concurrent;
using System.Diagnostics;

namespace AriaPro.Silo.Tests.Hosting;

/// <summary>The silo started as a real operating-system process, as an operator starts it.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaited = new();

    private SiloProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Collect(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The process's id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The lines written to standard output so far, in order.</summary>
    public IReadOnlyList<string> Lines => [.. _stdout];

    /// <summary>What the process has written so far, for failure messages.</summary>
    public string Output => $"stdout:\n{string.Join('\n', _stdout)}\nstderr:\n{string.Join('\n', _stderr)}";

    /// <summary>What a first start prints, once, before the admin key, when ARIA_ADMIN_API_KEY is not set.</summary>
    public const string AdminKeyBanner = "AriaPro admin API key (shown once; store it now):";

    /// <summary>The admin key the first start printed; fails the test when it printed none.</summary>
    public string PrintedAdminKey
    {
        get
        {
            var line = Lines.FirstOrDefault(l => l.StartsWith(AdminKeyBanner, StringComparison.Ordinal));
            Assert.True(line is not null, $"the first start printed no admin key\n{Output}");
            return line![AdminKeyBanner.Length..].Trim();
        }
    }

    /// <summary>The silo's entry assembly, built in the same configuration as these tests.</summary>
    public static string SiloAssembly
    {
        get
        {
            var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = testDirectory.Parent!.Name;
            var root = testDirectory;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "AriaPro.sln")))
            {
                root = root.Parent;
            }

            Assert.NotNull(root);
            return Path.Combine(root.FullName, "src", "Silo", "bin", configuration, testDirectory.Name, "AriaPro.Silo.dll");
        }
    }

    /// <summary>An embedded silo listening on <paramref name="httpPort"/> with free silo and gateway ports; <paramref name="environment"/> adds to that.</summary>
    public static SiloProcess StartEmbedded(int httpPort, IDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>
        {
            ["ARIA_HTTP_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["ARIA_SILO_PORT"] = AriaPro.Silo.Hosting.LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ARIA_GATEWAY_PORT"] = AriaPro.Silo.Hosting.LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),

            // A throwaway store unless the test names a data directory: never the user's own.
            ["ARIA_STORAGE"] = "memory",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        return Start(variables);
    }

    public static SiloProcess Start(IDictionary<string, string> environment, string? workingDirectory = null) =>
        Start(new ProcessStartInfo("dotnet", [SiloAssembly]) { WorkingDirectory = workingDirectory ?? "" }, environment);

    /// <summary>
    /// The silo as the README starts it: <c>dotnet run --project src/Silo</c> typed in
    /// <paramref name="workingDirectory"/> (without building: the tests' own build is run).
    /// </summary>
    public static SiloProcess StartWithDotnetRun(string workingDirectory, IDictionary<string, string> environment)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var project = Path.GetRelativePath(workingDirectory, Path.Combine(Repository.Root, "src", "Silo"));
        return Start(new ProcessStartInfo("dotnet", ["run", "--no-build", "-c", configuration, "--project", project]) { WorkingDirectory = workingDirectory }, environment);
    }

    private static SiloProcess Start(ProcessStartInfo start, IDictionary<string, string> environment)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ARIA_", StringComparison.Ordinal) || k.StartsWith("AUTO_TRADE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // Test silos keep no audit file unless a test asks for one.
        start.Environment["ARIA_AUDIT_LOG"] = "none";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new SiloProcess(Process.Start(start)!);
    }

    /// <summary>Kills the process with SIGKILL, as a machine failure would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end by itself; fails the test after <paramref name="limit"/>.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);

        // The parameterless overload also waits until the redirected output has drained.
        await _process.WaitForExitAsync();
        return (_process.ExitCode, string.Join('\n', _stdout), string.Join('\n', _stderr));
    }

    /// <summary>Completes when the process writes a line containing <paramref name="text"/>; fails if it exits first or after <paramref name="limit"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        var seen = _awaited.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_stdout.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            seen.TrySetResult();
        }

        var exited = _process.WaitForExitAsync();
        var finished = await Task.WhenAny(seen.Task, exited, Task.Delay(limit));
        Assert.True(finished != exited, $"the silo exited before writing '{text}'.\n{Output}");
        Assert.True(finished == seen.Task, $"the silo did not write '{text}' within {limit.TotalSeconds:F0}s.\n{Output}");
    }

    private void Collect(ConcurrentQueue<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        foreach (var (text, seen) in _awaited)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
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
    }
}
