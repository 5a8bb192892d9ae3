using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using AriaPro.Grains.Interfaces.Http;

namespace AriaPro.Cli.Commands;

/// <summary>Options whose parse errors name the option and what it accepts, in the words of the manual.</summary>
internal static class Parsers
{
    /// <summary>An enum option read as the facade reads it (<see cref="WireEnum"/>): one name, any case; numbers and lists refused.</summary>
    public static Option<T> Enum<T>(string name, string description)
        where T : struct, System.Enum
    {
        var accepted = string.Join(" or ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        return new Option<T>(name)
        {
            Description = description,
            HelpName = string.Join('|', System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant())),
            CustomParser = result =>
            {
                var text = Single(result);
                if (WireEnum.TryParse<T>(text, out var value))
                {
                    return value;
                }

                result.AddError($"{name} must be {accepted}, not '{text}'");
                return default;
            },
        };
    }

    /// <summary>A decimal option read in the invariant culture (a dot, never a comma).</summary>
    public static Option<T> Decimal<T>(string name, string description, string helpName)
    {
        return new Option<T>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                var text = Single(result);
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    return (T)(object)value;
                }

                result.AddError($"{name} must be a number such as 0.5, not '{text}'");
                return default!;
            },
        };
    }

    /// <summary>A date option read as yyyy-MM-dd.</summary>
    public static Option<DateOnly?> Day(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM-dd",
        CustomParser = result =>
        {
            var text = Single(result);
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            result.AddError($"{name} must be a date such as 2017-01-31, not '{text}'");
            return null;
        },
    };

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}
