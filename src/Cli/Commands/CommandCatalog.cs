namespace AriaPro.Cli.Commands;

/// <summary>Every top-level command, in the order <c>aria --help</c> lists them. A new command is one class and one line here.</summary>
internal static class CommandCatalog
{
    /// <summary>The commands.</summary>
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new LoginCommand(),
        new LogoutCommand(),
        new StatusCommand(),
        new PositionsCommand(),
        new OrdersCommand(),
        new SymbolCommand(),
        new FlattenCommand(),
        new RiskCommand(),
        new ModelsCommand(),
        new AlertsCommand(),
        new WatchCommand(),
        new KeysCommand(),
        new RotateJwtCommand(),
    ];
}
