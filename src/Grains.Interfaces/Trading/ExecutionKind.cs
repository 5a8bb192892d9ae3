namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>What a broker reports about an order.</summary>
[GenerateSerializer, Alias("AriaPro.ExecutionKind")]
public enum ExecutionKind
{
    Accepted,
    Rejected,
    Fill,
    Cancelled,
}
