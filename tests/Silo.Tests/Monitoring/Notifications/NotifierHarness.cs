using System.Diagnostics.Metrics;
using AriaPro.Silo.Monitoring;
using AriaPro.Silo.Monitoring.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriaPro.Silo.Tests.Monitoring.Notifications;

/// <summary>
/// An <see cref="AlertNotifier"/> wired the way the silo wires it
/// (<see cref="AlertNotificationExtensions.AddAriaAlertNotifications(IServiceCollection, MonitoringOptions, AlertDeliveryOptions)"/>),
/// with its log captured. Disposing it stops delivery at once, without the stop grace.
/// </summary>
public sealed class NotifierHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private NotifierHarness(ServiceProvider services, ListLoggerProvider logs)
    {
        _services = services;
        Logs = logs;
    }

    public AlertNotifier Notifier => _services.GetRequiredService<AlertNotifier>();

    public ListLoggerProvider Logs { get; }

    public IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public static async Task<NotifierHarness> StartAsync(MonitoringOptions monitoring, AlertDeliveryOptions? delivery = null, TimeProvider? time = null, bool start = true)
    {
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddAriaAlertNotifications(monitoring, delivery ?? new AlertDeliveryOptions());
        var harness = new NotifierHarness(services.BuildServiceProvider(), logs);
        if (start)
        {
            await harness.Notifier.StartAsync(CancellationToken.None);
        }

        return harness;
    }

    public static MonitoringOptions Email(int port, string? user = null, string? password = null) => new()
    {
        EmailEnabled = true,
        SmtpHost = "127.0.0.1",
        SmtpPort = port,
        SmtpUser = user,
        SmtpPassword = password,
        SmtpFrom = "AriaPro Alerts <alerts@aria.test>",
        SmtpTo = ["ops@aria.test", "risk@aria.test"],
    };

    /// <summary>The log line that says the alert was handed over by the channel.</summary>
    public Task<LogEntry> DeliveredAsync(string channel, string alertId) => Logs.WaitForAsync(entry =>
        entry.Message.Contains("delivered by", StringComparison.Ordinal)
        && Equals(entry["Channel"], channel)
        && Equals(entry["AlertId"], alertId));

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
