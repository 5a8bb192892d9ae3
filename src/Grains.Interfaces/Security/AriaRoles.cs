namespace AriaPro.Grains.Interfaces.Security;

/// <summary>
/// The roles an API key carries. They nest: a trader may do what a viewer may, an admin what a
/// trader may.
/// </summary>
public static class AriaRoles
{
    /// <summary>Reads positions, orders, risk, models and the dashboard.</summary>
    public const string Viewer = "viewer";

    /// <summary>Submits and cancels orders.</summary>
    public const string Trader = "trader";

    /// <summary>Controls breakers and models, manages keys, rotates and revokes.</summary>
    public const string Admin = "admin";

    /// <summary>
    /// The silo itself (its facade, timers, hosted services, and grains calling grains): every call
    /// made inside a silo process carries the cluster's system credential, which no client can make.
    /// </summary>
    public const string System = "system";

    /// <summary>A grain method anyone may call, credentials or not (exchanging an API key for a token).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Every role, from least to most.</summary>
    public static readonly IReadOnlyList<string> All = [Viewer, Trader, Admin];

    /// <summary>True when <paramref name="role"/> is one of <see cref="All"/> (exact, lower case).</summary>
    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>True when holding <paramref name="held"/> allows what <paramref name="needed"/> allows (roles nest).</summary>
    public static bool Includes(string held, string needed)
    {
        var (heldRank, neededRank) = (Rank(held), Rank(needed));
        return neededRank >= 0 && heldRank >= neededRank;
    }

    private static int Rank(string role) => role switch { Viewer => 0, Trader => 1, Admin => 2, _ => -1 };

    /// <summary>The roles that include <paramref name="role"/>: itself and every stronger one.</summary>
    public static IReadOnlyList<string> AtLeast(string role) => [.. All.SkipWhile(r => r != role)];
}
