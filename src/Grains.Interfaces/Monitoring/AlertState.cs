namespace AriaPro.Grains.Interfaces.Monitoring;

/// <summary>Where an alert is in its life.</summary>
[GenerateSerializer, Alias("AriaPro.AlertState")]
public enum AlertState
{
    /// <summary>The condition holds.</summary>
    Firing,

    /// <summary>The condition no longer holds.</summary>
    Resolved,
}
