namespace AriaPro.Cli;

/// <summary>One parsed command line: what to do, and where to connect.</summary>
internal abstract record CliCommand;
