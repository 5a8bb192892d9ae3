using System.Collections;
using Spectre.Console;

namespace AriaPro.Cli;

/// <summary>
/// Everything <c>aria</c> takes from its process: environment variables, the consoles it writes
/// to (and prompts on) and the clock. Tests build their own, so nothing process-wide changes.
/// </summary>
public sealed class CliContext
{
    /// <summary>Names the folder of the stored login, instead of the user's config folder.</summary>
    public const string ConfigDirectoryVariable = "ARIA_CONFIG_DIR";

    /// <summary>The width tables and lines get when the stream is a file or a pipe.</summary>
    public const int RedirectedWidth = 256;

    /// <summary>Standard output: tables, JSON, events.</summary>
    public required IAnsiConsole Out { get; init; }

    /// <summary>Standard error: the one-line error, and notes that must not mix with output meant for scripts.</summary>
    public required IAnsiConsole Error { get; init; }

    /// <summary>Environment variables (ARIA_URL, ARIA_TOKEN, ARIA_API_KEY, ARIA_CONFIG_DIR).</summary>
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    /// <summary>The clock that decides whether a stored login has expired.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where the login is kept: <c>$ARIA_CONFIG_DIR</c>, else the user's config folder's <c>aria</c> (~/.config/aria on Linux).</summary>
    public string ConfigDirectory =>
        Variable(ConfigDirectoryVariable) ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.ApplicationData), "aria");

    /// <summary>A variable's value, or null when it is unset or blank.</summary>
    public string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The context of the running process: its variables, stdout and stderr.</summary>
    public static CliContext FromProcess() => new()
    {
        Out = Console(System.Console.Out, System.Console.IsOutputRedirected),
        Error = Console(System.Console.Error, System.Console.IsErrorRedirected),
        Environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal),
    };

    // A terminal wraps at its own width; a file or a pipe has none, and 80 columns would break
    // event lines and squeeze tables, so it gets a wide one.
    private static IAnsiConsole Console(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
