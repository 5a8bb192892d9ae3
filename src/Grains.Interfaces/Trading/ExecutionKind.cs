namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>What a broker reports about an order.</summary>
[GenerateSerializer, Alias("AriaPro.ExecutionKind")]
public enum ExecutionKind
{
    /// <summary>The broker took the order.</summary>
    Accepted,
    /// <summary>The broker refused the order.</summary>
    Rejected,
    /// <summary>Some or all of the order traded.</summary>
    Fill,
    /// <summary>The broker cancelled the order.</summary>
    Cancelled,
}
