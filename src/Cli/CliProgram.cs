using System.CommandLine;
using AriaPro.Cli.Commands;

namespace AriaPro.Cli;

/// <summary>
/// One command-line program run by <see cref="CommandLineHost"/>: <c>aria</c> (<see cref="AriaCli"/>),
/// or <c>aria-replay</c>, which builds on the same host from its own project so that <c>aria</c> carries no silo.
/// </summary>
internal sealed class CliProgram
{
    /// <summary>The name its error lines start with and its help shows.</summary>
    public required string Name { get; init; }

    /// <summary>Builds the root command: its options, subcommands and actions (the host adds the manual's help).</summary>
    public required Func<CliApp, RootCommand> Root { get; init; }

    /// <summary>The environment variables it reads, listed under the root's help.</summary>
    public IReadOnlyList<(string Name, string Meaning)> Environment { get; init; } = [];

    /// <summary>Its exit codes with their meanings, listed under the root's help.</summary>
    public required IReadOnlyList<(int Code, string Meaning)> ExitCodes { get; init; }

    /// <summary>Examples under the root's help.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>The closing paragraph of the root's help.</summary>
    public required string Closing { get; init; }
}
