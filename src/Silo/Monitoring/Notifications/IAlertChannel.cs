using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Silo.Monitoring.Notifications;

/// <summary>One way of telling people about an alert (a webhook, e-mail): one attempt, no retries.</summary>
public interface IAlertChannel
{
    /// <summary>The channel's name in logs and metrics, e.g. <c>webhook</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Delivers the alert once. Throws <see cref="AlertDeliveryException"/> when the receiver
    /// refused; any other exception counts as transient.
    /// </summary>
    Task SendAsync(Alert alert, CancellationToken cancellationToken);
}
