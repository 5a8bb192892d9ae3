using System.Diagnostics.Metrics;
using AriaPro.Grains.Monitoring;
using AriaPro.Silo.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>Registers alert notifications: the structured log line always, a webhook and e-mail when configured.</summary>
public static class AlertNotificationExtensions
{
    /// <summary>
    /// Registers one <see cref="AlertNotifier"/> as itself, as the <see cref="IAlertNotifier"/> and
    /// as a hosted service, with the default delivery options.
    /// </summary>
    public static IServiceCollection AddAriaAlertNotifications(this IServiceCollection services, MonitoringOptions options) =>
        services.AddAriaAlertNotifications(options, new AlertDeliveryOptions());

    /// <summary>The same, with the given queue and retry settings.</summary>
    public static IServiceCollection AddAriaAlertNotifications(this IServiceCollection services, MonitoringOptions options, AlertDeliveryOptions delivery)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(delivery);
        Validate(options);
        delivery.Validate();

        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new AlertNotifier(
            options,
            delivery,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IMeterFactory>(),
            provider.GetRequiredService<ILogger<AlertNotifier>>()));
        services.AddSingleton<IAlertNotifier>(provider => provider.GetRequiredService<AlertNotifier>());
        services.AddHostedService(provider => provider.GetRequiredService<AlertNotifier>());
        return services;
    }

    private static void Validate(MonitoringOptions options)
    {
        if (!options.EmailEnabled)
        {
            return;
        }

        Require(!string.IsNullOrWhiteSpace(options.SmtpHost), AriaVariables.AlertSmtpHost);
        Require(!string.IsNullOrWhiteSpace(options.SmtpFrom), AriaVariables.AlertSmtpFrom);
        Require(options.SmtpTo.Count > 0, AriaVariables.AlertSmtpTo);
    }

    private static void Require(bool present, string variable)
    {
        if (!present)
        {
            throw new ArgumentException($"{variable} is required when {AriaVariables.AlertEmailEnabled} is on", variable);
        }
    }
}
