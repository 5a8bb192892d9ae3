using AriaPro.Grains.Interfaces.Risk;

namespace AriaPro.Grains.Risk;

/// <summary>The pre-trade budget's rule, on the book's VaR before and after an order.</summary>
public static class RiskBudget
{
    /// <summary>
    /// True when the order may pass: the VaR after it is within the budget, or it does not raise the
    /// VaR, or it reduces its symbol's exposure without flipping it. The last matters with scenario
    /// VaR: closing one leg of a hedge can raise the VaR of what is left, and a budget that refused
    /// that exit would trap the position it is there to limit.
    /// </summary>
    public static bool Allows(RiskCheck check, decimal varBefore, decimal varAfter, decimal budget)
    {
        ArgumentNullException.ThrowIfNull(check);
        return varAfter <= budget || varAfter <= varBefore || Reduces(check);
    }

    /// <summary>True when the order moves its symbol's worst-case exposure towards zero without crossing it.</summary>
    public static bool Reduces(RiskCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Math.Abs(check.ProjectedQuantity) < Math.Abs(check.CurrentQuantity)
            && Math.Sign(check.ProjectedQuantity) * Math.Sign(check.CurrentQuantity) >= 0;
    }
}
