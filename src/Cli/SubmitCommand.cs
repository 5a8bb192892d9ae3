using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Cli;

/// <summary><c>aria submit --id ID --symbol SYM --side Buy|Sell --qty N [--type Market|Limit] [--limit PRICE]</c>.</summary>
internal sealed record SubmitCommand(OrderRequest Request) : CliCommand;
