using Serilog;
using Serilog.Events;

namespace AriaPro.Silo.Hosting;

/// <summary>Serilog set-up: our own events at Information, the frameworks' only when they warn.</summary>
public static class AriaLogging
{
    /// <summary>Applies the console sink and level overrides.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger) => logger
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
        .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
        .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
        .MinimumLevel.Override("Polly", LogEventLevel.Warning)
        .Enrich.FromLogContext()
        .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext:l}: {Message:lj}{NewLine}{Exception}");
}
