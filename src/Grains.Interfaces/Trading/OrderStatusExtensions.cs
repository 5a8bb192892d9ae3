namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>Classification of <see cref="OrderStatus"/> values.</summary>
public static class OrderStatusExtensions
{
    /// <summary>True when no further execution can change the order's status.</summary>
    public static bool IsTerminal(this OrderStatus status) => status is
        OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired or OrderStatus.Denied;

    /// <summary>True while the order is live at the broker (or on its way there).</summary>
    public static bool IsWorking(this OrderStatus status) => status is
        OrderStatus.New or OrderStatus.Submitted or OrderStatus.Accepted or OrderStatus.PartiallyFilled;
}
