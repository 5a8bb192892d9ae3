namespace AriaPro.Cli;

/// <summary><c>aria positions</c>: every symbol's position.</summary>
internal sealed record PositionsCommand : CliCommand;
