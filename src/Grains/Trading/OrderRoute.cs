using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Trading;

/// <summary>Persisted state of an <c>IOrderGrain</c>: which symbol's trader owns the id.</summary>
[GenerateSerializer, Alias("AriaPro.OrderRoute")]
public sealed class OrderRoute
{
    /// <summary>The owning symbol; null while the id is unused.</summary>
    [Id(0)] public string? Symbol { get; set; }

    /// <summary>True once the trader has answered for the order (it knew the id from then on).</summary>
    [Id(1)] public bool Delivered { get; set; }

    /// <summary>The order as it finished, kept after the trader has let it go.</summary>
    [Id(2)] public OrderView? Archived { get; set; }
}
