using AriaPro.Cli;
using AriaPro.Replay.Cli;
using Spectre.Console;

namespace AriaPro.Silo.Tests.Cli;

/// <summary>What one run of aria left: its exit code and what it wrote.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>The error lines (aria promises at most one).</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Runs aria (or aria-replay) in this process as a user would from a shell: its own environment variables and
/// config folder (a temporary one), its own consoles, nothing process-wide touched.
/// </summary>
public sealed class CliRun : IDisposable
{
    private const int ConsoleWidth = 240;

    private readonly Func<string[], CliContext, CancellationToken, Task<int>> _program;

    public CliRun(IDictionary<string, string?>? environment = null, Func<string[], CliContext, CancellationToken, Task<int>>? program = null)
    {
        _program = program ?? AriaCli.RunAsync;
        ConfigDirectory = Path.Combine(Path.GetTempPath(), $"aria-cli-test-{Guid.NewGuid():N}");
        Environment = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            [CliContext.ConfigDirectoryVariable] = ConfigDirectory,
        };
    }

    /// <summary>A run against <paramref name="url"/> carrying <paramref name="token"/>, if any.</summary>
    public static CliRun For(Uri url, string? token) => new(new Dictionary<string, string?>
    {
        ["ARIA_URL"] = url.ToString(),
        ["ARIA_TOKEN"] = token,
    });

    /// <summary>A run of aria-replay instead of aria, with the same consoles and a config folder of its own.</summary>
    public static CliRun Replay() => new(program: ReplayCli.RunAsync);

    /// <summary>The variables the CLI sees.</summary>
    public Dictionary<string, string?> Environment { get; }

    /// <summary>The config folder (ARIA_CONFIG_DIR); removed on dispose.</summary>
    public string ConfigDirectory { get; }

    /// <summary>Runs one command line to its end.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        var code = await StartAsync(output, error, CancellationToken.None, args);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Starts a command line writing to the given streams, for commands a test interacts with while they run.</summary>
    public Task<int> StartAsync(CapturingWriter output, CapturingWriter error, CancellationToken cancellationToken, params string[] args)
    {
        var context = Context(Console(output), Console(error));
        return Task.Run(() => _program(args, context, cancellationToken), CancellationToken.None);
    }

    /// <summary>A context with this run's environment and the given consoles.</summary>
    public CliContext Context(IAnsiConsole output, IAnsiConsole error) => new()
    {
        Out = output,
        Error = error,
        Environment = Environment,
    };

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = ConsoleWidth;
        return console;
    }

    public void Dispose()
    {
        if (Directory.Exists(ConfigDirectory))
        {
            Directory.Delete(ConfigDirectory, recursive: true);
        }
    }
}
