using System.CommandLine;
using System.Text.Json;
using AriaPro.Cli.Connection;
using AriaPro.Cli.Output;
using AriaPro.Client.Http;
using AriaPro.Grains.Interfaces.Http;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria watch</c>: the live events of <c>GET /ws</c>, one coloured line each.</summary>
internal sealed class WatchCommand : ICliCommand
{
    /// <summary>The subscribable types, as the silo names them.</summary>
    public static readonly IReadOnlyList<string> Types = EventEnvelopeTypes.Subscribable;

    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var types = new Option<string?>("--types")
        {
            Description = $"Comma-separated event types to watch: {string.Join(", ", Types)} [default: all]",
            HelpName = "type,type",
        };
        var count = new Option<int?>("--count") { Description = "Stop after this many events [default: until Ctrl+C]", HelpName = "n" };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0)
            {
                result.AddError("--count must be at least 1");
            }
        });
        var command = new Command("watch",
            "Watch live events over the silo's WebSocket, one line each, coloured by type: system_alert red, circuit_breaker yellow, " +
            "security_event magenta, order_update cyan, performance_metric grey. With --json each line is the event's JSON envelope. " +
            "Ctrl+C stops cleanly (exit 0). Needs the role viewer.")
        {
            types, count,
        };
        app.Run(command, (session, parse, cancellationToken) => WatchAsync(session, ParseTypes(parse.GetValue(types)), parse.GetValue(count), cancellationToken));
        return app.Examples(command,
            "aria watch",
            "aria watch --types circuit_breaker,system_alert",
            "aria watch --types order_update --count 10 --json");
    }

    private static IReadOnlyList<string> ParseTypes(string? raw)
    {
        var names = raw?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (names.FirstOrDefault(n => !Types.Contains(n, StringComparer.Ordinal)) is { } unknown)
        {
            throw new CliException(ExitCodes.Usage, $"--types: '{unknown}' is not an event type; types are {string.Join(", ", Types)}");
        }

        return names;
    }

    private static async Task<int> WatchAsync(CliSession session, IReadOnlyList<string> types, int? count, CancellationToken cancellationToken)
    {
        var stream = new AriaEventStream(session.Url, session.Token);
        var seen = 0;
        try
        {
            await foreach (var envelope in stream.ReadAsync(types, cancellationToken))
            {
                if (envelope.Type == AriaEventStream.Welcome)
                {
                    // On standard error: standard output carries events only, for scripts.
                    session.Context.Error.MarkupLine(
                        $"[grey]Watching {CliOutput.Text(types.Count == 0 ? "all events" : string.Join(", ", types))} on {CliOutput.Text(CliSession.Display(session.Url))}; Ctrl+C to stop[/]");
                    continue;
                }

                if (!Types.Contains(envelope.Type, StringComparer.Ordinal))
                {
                    continue;
                }

                Print(session, envelope);
                if (++seen == count)
                {
                    return ExitCodes.Ok;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C is how a watch is meant to end.
            return ExitCodes.Ok;
        }

        throw new CliException(ExitCodes.Refused, $"the silo closed the event stream after {seen} events");
    }

    private static void Print(CliSession session, AriaEvent envelope)
    {
        if (session.Json)
        {
            session.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(envelope, AriaJson.Options));
            return;
        }

        var style = new Style(Styles.Event(envelope.Type));
        session.Out.Write(new Text($"{CliOutput.Time(envelope.Timestamp)} {envelope.Type,-18} ", style));
        session.Out.Write(new Text(EventSummary.Of(envelope), style));
        session.Out.WriteLine();
    }
}
