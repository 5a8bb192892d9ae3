using AriaPro.Grains.Interfaces.Security;
using System.Collections.Immutable;

namespace AriaPro.Grains.Interfaces.Monitoring;

/// <summary>
/// The cluster's alerts (key <see cref="Key"/>): firing and resolved, deduplicated by
/// <see cref="AlertSignal.Key"/>, notified once per firing and once per resolution, with a
/// per-rule cooldown on notifications. Persisted before it answers.
/// </summary>
[Alias("AriaPro.IAlertManagerGrain")]
public interface IAlertManagerGrain : IGrainWithStringKey
{
    /// <summary>The one alert manager's key.</summary>
    public const string Key = "alerts";

    /// <summary>
    /// Level-triggered report from one evaluator (a silo): the conditions that hold now. A
    /// condition this reporter reported before and no longer reports resolves, unless another
    /// reporter still reports it.
    /// </summary>
    [Alias("Report")]
    Task Report(string reporter, ImmutableArray<AlertSignal> firing);

    /// <summary>
    /// Edge-triggered: an event raised this condition (a breaker opening, a security violation).
    /// It resolves by itself once no event has refreshed it for <paramref name="quietFor"/>.
    /// </summary>
    [Alias("Raise")]
    Task<Alert> Raise(AlertSignal signal, TimeSpan quietFor);

    /// <summary>An admin has seen the alert; null when no alert has that id.</summary>
    [Alias("Acknowledge"), CallerRole(AriaRoles.Admin, Endpoint = "POST /monitoring/alerts/{id}/ack")]
    Task<Alert?> Acknowledge(string id, string by);

    /// <summary>Active and recent alerts.</summary>
    [Alias("GetAlerts"), CallerRole(AriaRoles.Viewer, Endpoint = "GET /monitoring/alerts")]
    Task<AlertsView> GetAlerts();
}
