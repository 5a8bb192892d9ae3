namespace AriaPro.Cli;

/// <summary><c>aria order ID</c>: shows one order.</summary>
internal sealed record OrderCommand(string ClientOrderId) : CliCommand;
