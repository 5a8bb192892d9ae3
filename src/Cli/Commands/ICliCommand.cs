using System.CommandLine;

namespace AriaPro.Cli.Commands;

/// <summary>One top-level command (or group of subcommands) of <c>aria</c>; <see cref="CommandCatalog"/> lists them.</summary>
internal interface ICliCommand
{
    /// <summary>Builds the command, its options and its action.</summary>
    Command Create(CliApp app);
}
