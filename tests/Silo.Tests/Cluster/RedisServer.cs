using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AriaPro.Silo.Hosting;
using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Cluster;

/// <summary>
/// A redis-server process of a test's own, on a free loopback port in a temporary directory. It
/// appends every write to its AOF and syncs it before answering, so whatever Redis acknowledged
/// survives <see cref="KillAsync"/>; <see cref="StartAgainAsync"/> replays it on the same port.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>Why a test that needs its own Redis is skipped here, or null when it can run.</summary>
    public static readonly string? NotInstalled = FindOnPath("redis-server") is null
        ? "redis-server is not on PATH; install the redis-server package (./test.sh does) to run the Redis fault tests"
        : null;

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PingInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(1);
    private static readonly byte[] Ping = Encoding.ASCII.GetBytes("*1\r\n$4\r\nPING\r\n");

    private readonly string _directory;
    private Process? _process;

    private RedisServer(int port, string directory)
    {
        Port = port;
        _directory = directory;
    }

    /// <summary>The loopback port Redis listens on, the same across restarts.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>True while the server process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a fresh server and returns once it answers PING.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("aria-redis-").FullName;
        var server = new RedisServer(LoopbackPorts.Free(), directory);
        try
        {
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown, no final save; returns once the process is gone.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("redis-server is not running");
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
    }

    /// <summary>SIGKILL, then a start on the same port with every file removed: a Redis that comes back empty.</summary>
    public async Task WipeAndStartAgainAsync()
    {
        if (IsRunning)
        {
            await KillAsync();
        }

        foreach (var entry in new DirectoryInfo(_directory).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else if (entry.Name != "redis.log")
            {
                entry.Delete();
            }
        }

        await StartAgainAsync();
    }

    /// <summary>SIGSTOP: the process is frozen, its sockets stay open and nothing answers, as in a long stall.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>SIGCONT: a frozen process goes on where it stopped.</summary>
    public void Thaw() => Signal("CONT");

    private void Signal(string signal)
    {
        var process = _process ?? throw new InvalidOperationException("redis-server is not running");
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {process.Id} exited with {kill.ExitCode}");
    }

    /// <summary>Starts the server on the same port and directory, replaying its AOF; returns once it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"redis-server is already running on {ConnectionString}");
        }

        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList =
            {
                "--port", Port.ToString(CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--dir", _directory,
                "--logfile", "redis.log",
                "--daemonize", "no",
                "--appendonly", "yes",
                "--appendfsync", "always",
                "--save", "",
            },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPongAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            Thaw();
        }

        if (IsRunning)
        {
            await KillAsync();
        }

        _process?.Dispose();

        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitForPongAsync()
    {
        string? last = null;
        var answered = await Poll.UntilAsync(async () =>
        {
            if (_process!.HasExited)
            {
                Assert.Fail($"redis-server on {ConnectionString} exited with {_process.ExitCode}; see {Path.Combine(_directory, "redis.log")}");
            }

            last = await TryPingAsync();
            return last == "+PONG";
        }, StartLimit, PingInterval);

        Assert.True(answered, $"redis-server on {ConnectionString} did not answer PING within {StartLimit.TotalSeconds} s (last answer: {last ?? "none"})");
    }

    // One PING on a fresh socket: the answer line, or why there was none (refused while starting,
    // -LOADING while the AOF is replayed).
    private async Task<string> TryPingAsync()
    {
        using var timeout = new CancellationTokenSource(PingTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Ping, timeout.Token);
            var buffer = new byte[256];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
