namespace AriaPro.Grains.Interfaces.Monitoring;

/// <summary>How urgent an alert is.</summary>
[GenerateSerializer, Alias("AriaPro.AlertSeverity")]
public enum AlertSeverity
{
    /// <summary>Worth knowing; nobody needs to act now.</summary>
    Info,

    /// <summary>Degraded: someone should look soon.</summary>
    Warning,

    /// <summary>Trading is or may soon be impaired: act now.</summary>
    Critical,
}
