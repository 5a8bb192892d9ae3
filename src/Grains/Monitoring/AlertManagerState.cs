using AriaPro.Grains.Interfaces.Monitoring;

namespace AriaPro.Grains.Monitoring;

/// <summary>The persisted state of the alert manager.</summary>
[GenerateSerializer, Alias("AriaPro.AlertManagerState")]
public sealed class AlertManagerState
{
    /// <summary>Firing alerts by condition key.</summary>
    [Id(0)]
    public Dictionary<string, Alert> Active { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Conditions inside their cooldown, and when each may notify again; past entries are dropped.</summary>
    [Id(2)]
    public Dictionary<string, DateTimeOffset> CoolingUntil { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The conditions each evaluator (silo) reported last.</summary>
    [Id(3)]
    public Dictionary<string, HashSet<string>> Reported { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Event-raised conditions and when each resolves unless raised again.</summary>
    [Id(4)]
    public Dictionary<string, DateTimeOffset> QuietUntil { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last alert id handed out.</summary>
    [Id(5)]
    public long Sequence { get; set; }
}

/// <summary>The alert manager's history, kept apart so the write on every firing stays small.</summary>
[GenerateSerializer, Alias("AriaPro.AlertHistoryState")]
public sealed class AlertHistoryState
{
    /// <summary>Resolved alerts, oldest first, at most <see cref="AlertManagerGrain.RecentKept"/>.</summary>
    [Id(0)]
    public List<Alert> Recent { get; set; } = [];
}
