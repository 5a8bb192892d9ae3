namespace AriaPro.Cli;

/// <summary><c>aria help</c>, <c>--help</c> or no arguments: prints usage.</summary>
internal sealed record HelpCommand : CliCommand;
