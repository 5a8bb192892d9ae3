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

    /// <summary>Exit code when the durable store's folder cannot be used (another AriaPro holds it).</summary>
    public const int DataDirectoryErrorExitCode = 3;

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

        WebApplication app;
        try
        {
            app = Build(result.Settings!, args, result.Warnings);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The data directory is held by another process, cannot be written, or holds a broken key.
            await Console.Error.WriteLineAsync($"aria: cannot open the data directory: {exception.Message}");
            return DataDirectoryErrorExitCode;
        }

        await using (app)
        {
            app.Lifetime.ApplicationStarted.Register(StartupGarbage.ReleaseInBackground);
            await app.RunAsync();
        }

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

        // Owned by the container from here, so disposing the host releases the data directory even
        // when it never started.
        _ = app.Services.GetService<DurableStore>();
        app.MapAriaProFacade();
        app.Lifetime.ApplicationStarted.Register(() => StartupReport.Log(app, settings, warnings ?? []));
        return app;
    }
}
