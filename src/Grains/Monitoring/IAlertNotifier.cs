using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Grains.Monitoring;

/// <summary>
/// Tells people about an alert transition (firing or resolved) through every configured channel.
/// <see cref="Notify"/> never blocks and never throws: delivery, with its retries, happens
/// elsewhere, so a slow mail server or a dead webhook can never hold up the alert manager.
/// </summary>
public interface IAlertNotifier
{
    /// <summary>Queues the alert for every channel.</summary>
    void Notify(Alert alert);
}
