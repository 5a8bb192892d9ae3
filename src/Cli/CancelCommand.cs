namespace AriaPro.Cli;

/// <summary><c>aria cancel ID</c>: cancels one order.</summary>
internal sealed record CancelCommand(string ClientOrderId) : CliCommand;
