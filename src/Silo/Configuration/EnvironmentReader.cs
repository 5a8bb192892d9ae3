using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AriaPro.Silo.Configuration;

/// <summary>
/// Typed getters over flat environment keys. A bad value is recorded as one error line naming
/// the variable and the value, and the getter returns the fallback so that reading goes on and
/// every error is reported at once. Empty or whitespace values count as unset.
/// </summary>
public sealed class EnvironmentReader(IConfiguration configuration)
{
    /// <summary>Longest duration any variable may ask for: one year, well inside <see cref="TimeSpan"/>.</summary>
    public const double MaxSeconds = 365d * 24 * 3600;

    private const NumberStyles RealStyle = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private readonly List<string> _errors = [];
    private readonly HashSet<string> _failed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Error lines collected so far, in reading order.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>True when <paramref name="name"/> already produced an error, so dependent checks can stay quiet.</summary>
    public bool HasFailed(string name) => _failed.Contains(name);

    /// <summary>The trimmed value, or null when unset, empty or whitespace.</summary>
    public string? GetRaw(string name)
    {
        var value = configuration[name];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>Records <c>NAME: message</c>.</summary>
    public void AddError(string name, string message)
    {
        _failed.Add(name);
        _errors.Add($"{name}: {message}");
    }

    /// <summary>Records <c>NAME: 'value' — problem</c>.</summary>
    public void AddValueError(string name, string raw, string problem) => AddError(name, $"'{raw}' — {problem}");

    /// <summary>Parses the variable with <paramref name="parse"/>; unset or bad gives <paramref name="fallback"/>.</summary>
    public T Get<T>(string name, T fallback, ValueParser<T> parse)
    {
        var raw = GetRaw(name);
        if (raw is null)
        {
            return fallback;
        }

        if (parse(raw, out var value, out var problem))
        {
            return value;
        }

        AddValueError(name, raw, problem);
        return fallback;
    }

    /// <summary>A whole number satisfying <paramref name="isValid"/>.</summary>
    public int GetInt(string name, int fallback, Func<int, bool> isValid, string requirement) =>
        Get(name, fallback, (string raw, out int value, out string problem) =>
            Check(TryParseInt(raw, out value), isValid(value), requirement, "is not a whole number", out problem));

    /// <summary>A whole number, or null when unset.</summary>
    public int? GetOptionalInt(string name) =>
        Get<int?>(name, null, (string raw, out int? value, out string problem) =>
        {
            var parsed = TryParseInt(raw, out var number);
            value = number;
            return Check(parsed, true, string.Empty, "is not a whole number", out problem);
        });

    /// <summary>A finite real number satisfying <paramref name="isValid"/>; NaN and infinities are refused.</summary>
    public double GetDouble(string name, double fallback, Func<double, bool> isValid, string requirement) =>
        Get(name, fallback, (string raw, out double value, out string problem) =>
            Check(TryParseDouble(raw, out value), isValid(value), requirement, "is not a finite number", out problem));

    /// <summary>A decimal number satisfying <paramref name="isValid"/>.</summary>
    public decimal GetDecimal(string name, decimal fallback, Func<decimal, bool> isValid, string requirement) =>
        Get(name, fallback, (string raw, out decimal value, out string problem) =>
            Check(TryParseDecimal(raw, out value), isValid(value), requirement, "is not a number", out problem));

    /// <summary>A positive number of seconds, at most one year.</summary>
    public TimeSpan GetPositiveSeconds(string name, TimeSpan fallback) =>
        TimeSpan.FromSeconds(GetDouble(name, fallback.TotalSeconds, v => v > 0 && v <= MaxSeconds,
            $"must be a number of seconds greater than 0 and at most {MaxSeconds.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>A number of hours up to one year; zero is allowed only when <paramref name="allowZero"/>.</summary>
    public TimeSpan GetHours(string name, TimeSpan fallback, bool allowZero)
    {
        var maxHours = MaxSeconds / 3600;
        var requirement = allowZero
            ? $"must be a number of hours from 0 to {maxHours.ToString(CultureInfo.InvariantCulture)}"
            : $"must be a number of hours greater than 0 and at most {maxHours.ToString(CultureInfo.InvariantCulture)}";
        var hours = GetDouble(name, fallback.TotalHours, v => (allowZero ? v >= 0 : v > 0) && v <= maxHours, requirement);
        return TimeSpan.FromHours(hours);
    }

    /// <summary>1/0, true/false or yes/no in any case.</summary>
    public bool GetBool(string name, bool fallback) =>
        Get(name, fallback, (string raw, out bool value, out string problem) =>
        {
            problem = "is not a boolean (use 1/0, true/false or yes/no)";
            switch (raw.ToLowerInvariant())
            {
                case "1" or "true" or "yes":
                    value = true;
                    return true;
                case "0" or "false" or "no":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        });

    /// <summary>A TCP port, 1..65535.</summary>
    public int GetPort(string name, int fallback) =>
        GetInt(name, fallback, v => v is >= 1 and <= 65535, "must be a port from 1 to 65535");

    /// <summary>Invariant-culture whole number.</summary>
    public static bool TryParseInt(string raw, out int value) =>
        int.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out value);

    /// <summary>Invariant-culture finite double.</summary>
    public static bool TryParseDouble(string raw, out double value) =>
        double.TryParse(raw, RealStyle, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Invariant-culture decimal (no thousands separators).</summary>
    public static bool TryParseDecimal(string raw, out decimal value) =>
        decimal.TryParse(raw, RealStyle, CultureInfo.InvariantCulture, out value);

    private static bool Check(bool parsed, bool valid, string requirement, string notParsed, out string problem)
    {
        if (!parsed)
        {
            problem = notParsed;
            return false;
        }

        problem = requirement;
        return valid;
    }
}
