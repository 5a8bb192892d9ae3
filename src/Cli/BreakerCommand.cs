namespace AriaPro.Cli;

/// <summary><c>aria breaker reset|halt|resume SYM [--reason TEXT]</c>.</summary>
internal sealed record BreakerCommand(BreakerAction Action, string Symbol, string? Reason) : CliCommand;
