using AriaPro.Grains.Monitoring;
using AriaPro.Core.Monitoring.Series;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AriaPro.Silo.Monitoring;

/// <summary>Wires metrics (OpenTelemetry with the Prometheus exporter), resources and the system status.</summary>
public static class MonitoringExtensions
{
    /// <summary>Meters exported at <c>/monitoring/metrics</c>: AriaPro's own, the .NET runtime's and ASP.NET Core's.</summary>
    public static readonly IReadOnlyList<string> ExportedMeters =
        [AriaMetrics.MeterName, "System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>
    /// Tag sets kept per instrument of the runtime's and ASP.NET Core's meters. OpenTelemetry makes
    /// room for its default of 2,000 up front for every instrument (about 26 MB for the meters
    /// above); those meters' tags (method, route, status; a few runtime dimensions) need far
    /// fewer. AriaPro's own instruments, labelled by symbol, model and reason, keep the default.
    /// Past the limit, measurements go to OpenTelemetry's overflow point, not nowhere.
    /// </summary>
    public const int PlatformCardinalityLimit = 500;

    /// <summary>Registers the monitoring services.</summary>
    public static WebApplicationBuilder AddAriaMonitoring(this WebApplicationBuilder builder, MonitoringOptions options, string serviceId)
    {
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => new ResourceMonitor(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), TimeProvider.System));
        builder.Services.AddSingleton(sp => new SystemStatusReader(
            sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<ILocalSiloDetails>(), sp.GetRequiredService<ResourceMonitor>(),
            options, TimeProvider.System));
        if (options.Enabled)
        {
            builder.Services.AddSingleton(sp => new MetricStore(new MetricStoreOptions(), TimeProvider.System));
            builder.Services.AddSingleton(options.Rules);
            builder.Services.AddHostedService(sp => new MonitoringLoop(
                sp.GetRequiredService<MetricStore>(), options.Rules, sp.GetRequiredService<ResourceMonitor>(),
                sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<IClusterClient>(),
                sp.GetRequiredService<ILocalSiloDetails>(), TimeProvider.System, sp.GetRequiredService<ILogger<MonitoringLoop>>()));
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "ariapro", serviceNamespace: serviceId))
            .WithMetrics(metrics =>
            {
                foreach (var meter in ExportedMeters)
                {
                    metrics.AddMeter(meter);
                }

                metrics.AddView(View);

                // Every scrape sees the figures of that moment.
                metrics.AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0);
            });
        return builder;
    }

    // One view for every instrument (two matching views would export an instrument twice).
    private static MetricStreamConfiguration? View(System.Diagnostics.Metrics.Instrument instrument)
    {
        if (instrument.Meter.Name == AriaMetrics.MeterName)
        {
            return null;
        }

        // Prometheus reserves the _count suffix for histograms and summaries: the runtime's
        // counts (threads, timers, cores, ...) are exported as plurals instead.
        var renamed = instrument.Meter.Name == "System.Runtime" && instrument.Name.EndsWith(".count", StringComparison.Ordinal)
            ? string.Concat(instrument.Name.AsSpan(0, instrument.Name.Length - ".count".Length), "s")
            : null;
        return new MetricStreamConfiguration { Name = renamed, CardinalityLimit = PlatformCardinalityLimit };
    }
}
