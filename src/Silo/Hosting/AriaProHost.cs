using AriaPro.Silo.Configuration;
using AriaPro.Silo.Http;
using AriaPro.Silo.Monitoring.Notifications;
using Serilog;

namespace AriaPro.Silo.Hosting;

/// <summary>Builds and runs the silo with its HTTP facade; start-up stops on any bad setting.</summary>
public static class AriaProHost
{
    /// <summary>Exit code when a setting is invalid.</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>Reads the environment, validates it, and runs until stopped; <c>probe URL</c> checks a running silo instead.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is [HealthProbe.Command, var url])
        {
            return await HealthProbe.RunAsync(url, Console.Out);
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var result = AriaSettingsLoader.Load(configuration);
        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync($"aria: configuration error: {error}");
            }

            return ConfigurationErrorExitCode;
        }

        await using var app = Build(result.Settings!, args, result.Warnings);
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// The whole host for validated settings: silo, facade, dashboard, feeds and auto-trader.
    /// <paramref name="services"/> adds to the host's services (a benchmark's or a test's probe).
    /// </summary>
    public static WebApplication Build(AriaSettings settings, string[]? args = null, IReadOnlyList<string>? warnings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [] });
        builder.Host.UseSerilog((_, logger) => AriaLogging.Configure(logger));
        OneLoggerPerCategory.Decorate(builder.Services);

        // Hosted services stop in reverse order: the notifier, registered before the silo, stays up
        // until the silo has stopped, so an alert raised while stopping is still delivered.
        if (settings.Monitoring.Enabled)
        {
            builder.Services.AddAriaAlertNotifications(settings.Monitoring);
        }

        builder.AddAriaProSilo(settings);
        builder.AddAriaProFacade(settings);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapAriaProFacade();
        app.Lifetime.ApplicationStarted.Register(() => StartupReport.Log(app, settings, warnings ?? []));
        return app;
    }
}
