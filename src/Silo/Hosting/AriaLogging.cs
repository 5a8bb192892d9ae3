using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace AriaPro.Silo.Hosting;

/// <summary>
/// Serilog set-up: our own events at Information, the frameworks' only when they warn. The console
/// is written by one background loop in batches, at most 50 ms after an event (<see cref="BatchedConsole"/>):
/// grains hand an event over and go on, instead of queueing for the console's lock on every order
/// (docs/PERFORMANCE.md). Should the console fall more than
/// <see cref="BufferedEvents"/> events behind, newer events are dropped rather than slow trading;
/// the order record of truth is the grains' persisted state, not the log. No property value can
/// break a line or send a terminal escape (<see cref="ControlCharacterEscaper"/>).
/// </summary>
public static class AriaLogging
{
    /// <summary>Events waiting for the console at most.</summary>
    public const int BufferedEvents = 50_000;

    /// <summary>Applies the console sink and level overrides.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger) => logger
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
        .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
        .MinimumLevel.Override("Polly", LogEventLevel.Warning)
        .Enrich.FromLogContext()
        .Enrich.With<ControlCharacterEscaper>()
        .WriteTo.Sink(
            new BatchedConsole(new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext:l}: {Message:lj}{NewLine}{Exception}")
                .CreateLogger()),
            new BatchingOptions
            {
                BatchSizeLimit = 1_000,
                BufferingTimeLimit = TimeSpan.FromMilliseconds(50),
                EagerlyEmitFirstEvent = true,
                QueueLimit = BufferedEvents,
            });
}
