using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Trading;

/// <summary>A symbol's net position in lots, its average entry price and realized PnL (quote currency).</summary>
public sealed class PositionBook
{
    /// <summary>Signed lots: positive long, negative short.</summary>
    public decimal Quantity { get; set; }

    /// <summary>Average entry price of the open position; 0 when flat.</summary>
    public decimal AveragePrice { get; set; }

    /// <summary>PnL locked in by closing trades, in the quote currency.</summary>
    public decimal RealizedPnl { get; set; }

    /// <summary>Applies one fill: extends, reduces, closes or flips the position; returns the PnL it realized, if it closed any.</summary>
    public decimal? Apply(OrderSide side, decimal quantity, decimal price, decimal contractSize)
    {
        var signed = side == OrderSide.Buy ? quantity : -quantity;
        if (Quantity == 0m || Math.Sign(Quantity) == Math.Sign(signed))
        {
            var total = Math.Abs(Quantity) + quantity;
            AveragePrice = (Math.Abs(Quantity) * AveragePrice + quantity * price) / total;
            Quantity += signed;
            return null;
        }

        var closing = Math.Min(quantity, Math.Abs(Quantity));
        var realized = closing * (price - AveragePrice) * Math.Sign(Quantity) * contractSize;
        RealizedPnl += realized;
        Quantity += signed;
        if (Quantity == 0m)
        {
            AveragePrice = 0m;
        }
        else if (Math.Sign(Quantity) == Math.Sign(signed))
        {
            AveragePrice = price;
        }

        return realized;
    }

    /// <summary>PnL of the open position if closed at <paramref name="markPrice"/>.</summary>
    public decimal Unrealized(decimal markPrice, decimal contractSize) =>
        Quantity == 0m ? 0m : (markPrice - AveragePrice) * Quantity * contractSize;
}
