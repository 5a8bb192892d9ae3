using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Trading;
using Spectre.Console;

namespace AriaPro.Cli.Output;

/// <summary>Colours of states, as Spectre markup: green is fine, yellow is watch it, red is stopped.</summary>
internal static class Styles
{
    /// <summary>A breaker: Closed green, HalfOpen yellow, Open red, Isolated (held open by hand) bold red.</summary>
    public static string Breaker(CircuitState state) => state switch
    {
        CircuitState.Closed => "[green]Closed[/]",
        CircuitState.HalfOpen => "[yellow]HalfOpen[/]",
        CircuitState.Open => "[red]Open[/]",
        _ => $"[bold red]{state}[/]",
    };

    /// <summary>A symbol's trading state: Active green, Reducing yellow, Halted red.</summary>
    public static string Trading(TradingState state) => state switch
    {
        TradingState.Active => "[green]Active[/]",
        TradingState.Reducing => "[yellow]Reducing[/]",
        _ => $"[red]{state}[/]",
    };

    /// <summary>An order's status: filled green, refused red, finished otherwise grey, working yellow.</summary>
    public static string Order(OrderStatus status) => status switch
    {
        OrderStatus.Filled => "[green]Filled[/]",
        OrderStatus.Rejected or OrderStatus.Denied => $"[red]{status}[/]",
        OrderStatus.Cancelled or OrderStatus.Expired => $"[grey]{status}[/]",
        _ => $"[yellow]{status}[/]",
    };

    /// <summary>An alert's severity.</summary>
    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "[bold red]Critical[/]",
        AlertSeverity.Warning => "[yellow]Warning[/]",
        _ => $"[blue]{severity}[/]",
    };

    /// <summary>An alert's state: Firing red, Resolved green.</summary>
    public static string Alert(AlertState state) => state == AlertState.Firing ? "[red]Firing[/]" : "[green]Resolved[/]";

    /// <summary>The colour of a live event's type.</summary>
    public static Color Event(string type) => type switch
    {
        AriaStreams.Alerts => Color.Red,
        AriaStreams.CircuitBreaker => Color.Yellow,
        AriaStreams.SecurityEvents => Color.Fuchsia,
        AriaStreams.Orders => Color.Aqua,
        AriaStreams.Performance => Color.Grey,
        _ => Color.Default,
    };
}
