namespace AriaPro.Core.Monitoring.Rules;

/// <summary>How a threshold rule compares its aggregated value with its threshold.</summary>
public enum Comparison
{
    /// <summary><c>&gt;</c>: the value is above the threshold.</summary>
    Above,

    /// <summary><c>&gt;=</c>: the value is at or above the threshold.</summary>
    AtOrAbove,

    /// <summary><c>&lt;</c>: the value is below the threshold.</summary>
    Below,

    /// <summary><c>&lt;=</c>: the value is at or below the threshold.</summary>
    AtOrBelow,
}
