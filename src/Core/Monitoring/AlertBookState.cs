using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Core.Monitoring;

/// <summary>What the alert manager must store before it tells anyone: the firing alerts and what holds them.</summary>
public sealed class AlertBookState
{
    /// <summary>Firing alerts by condition key.</summary>
    public Dictionary<string, Alert> Active { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Conditions inside their cooldown, and when each may notify again; past entries are dropped.</summary>
    public Dictionary<string, DateTimeOffset> CoolingUntil { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The conditions each evaluator (silo) reported last.</summary>
    public Dictionary<string, HashSet<string>> Reported { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Event-raised conditions and when each resolves unless raised again.</summary>
    public Dictionary<string, DateTimeOffset> QuietUntil { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last alert id handed out.</summary>
    public long Sequence { get; set; }
}

/// <summary>The alert manager's history, kept apart so the write on every firing stays small.</summary>
public sealed class AlertHistory
{
    /// <summary>Resolved alerts, oldest first, at most <see cref="AlertBook.RecentKept"/>.</summary>
    public List<Alert> Recent { get; set; } = [];
}

/// <summary>
/// What one command to an <see cref="AlertBook"/> did: the alerts that opened, changed or resolved
/// (to persist, then notify and publish), whether the firing set must be written first, and
/// whether the history changed (written within a second, at once for an acknowledgement).
/// </summary>
public sealed class AlertEvents
{
    /// <summary>Alerts as they are after the change, in order.</summary>
    public List<Alert> Changed { get; } = [];

    /// <summary>True when the firing set or what holds it changed and must be stored before anything is told.</summary>
    public bool NeedsWrite { get; internal set; }

    /// <summary>True when an alert joined or changed the history.</summary>
    public bool HistoryChanged { get; internal set; }
}
