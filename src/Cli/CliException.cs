namespace AriaPro.Cli;

/// <summary>A failure the CLI itself detects, with the exit code it ends with and the one line it prints.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; } = exitCode;
}
