namespace AriaPro.Cli;

/// <summary><c>aria symbol SYM</c>: a symbol's limit, breaker, timeout and trading state.</summary>
internal sealed record SymbolCommand(string Symbol) : CliCommand;
