using System.Text.Json;
using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.Http;

namespace AriaPro.Silo.Http;

/// <summary>Typed reads of a request object's fields that record one error per bad field.</summary>
internal sealed class JsonFields(JsonElement root)
{
    public Dictionary<string, string[]> Errors { get; } = [];

    /// <summary>A string field; null when absent (an error when required) or not a string.</summary>
    public string? String(string name, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail(name, $"{name} must be a string");
        }

        return ReadText(value) ?? Fail(name, $"{name} holds half of a UTF-16 surrogate pair (an escape such as \\ud800 alone); send well-formed text");
    }

    /// <summary>The string's text, or null when it is not text: "\ud800" is valid JSON, but no string can hold it.</summary>
    internal static string? ReadText(JsonElement value)
    {
        try
        {
            var text = value.GetString()!;
            return TextRules.UnpairedSurrogateAt(text) is null ? text : null;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to unescape a lone surrogate.
            return null;
        }
    }

    /// <summary>An operator's optional <c>reason</c>: null when absent, an error unless printable (<see cref="TextRules"/>).</summary>
    public string? Reason()
    {
        var reason = String("reason", required: false);
        if (reason is not null && TextRules.PrintableError("reason", reason, TextRules.MaxReasonLength) is { } error)
        {
            return Fail("reason", error);
        }

        return reason;
    }

    /// <summary>A numeric field; null when absent (an error when required), not a number, or not exactly a decimal (never rounded).</summary>
    public decimal? Decimal(string name, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            Fail(name, $"{name} must be a JSON number");
            return null;
        }

        if (JsonNumber.TryExactDecimal(value.GetRawText(), out var number))
        {
            return number;
        }

        Fail(name, value.TryGetDecimal(out _)
            ? $"{name} {value.GetRawText()} has more digits than can be kept exactly (28 significant digits at most); nothing is rounded for you"
            : $"{name} is not a finite decimal number");
        return null;
    }

    /// <summary>A numeric field as a finite double; null when absent (an error when required) or not a finite number.</summary>
    public double? Double(string name, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        Fail(name, $"{name} must be a finite JSON number");
        return null;
    }

    /// <summary>An array of strings; null when absent (an error when required) or when any element is not a string.</summary>
    public IReadOnlyList<string>? Strings(string name, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || ReadText(e) is null))
        {
            Fail(name, $"{name} must be an array of well-formed strings");
            return null;
        }

        return [.. value.EnumerateArray().Select(e => ReadText(e)!)];
    }

    /// <summary>A true/false field; null when absent (an error when required) or not a boolean.</summary>
    public bool? Boolean(string name, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail(name, $"{name} must be true or false");
        return null;
    }

    /// <summary>An enum field given by exactly one of its names (<see cref="WireEnum"/>): no numbers, no lists.</summary>
    public TEnum? Enum<TEnum>(string name, bool required = true)
        where TEnum : struct, System.Enum
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (WireEnum.TryParse<TEnum>(text, out var parsed))
        {
            return parsed;
        }

        Fail(name, $"{name} must be exactly {WireEnum.Names<TEnum>()}");
        return null;
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        value = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            Errors["body"] = ["the body must be a JSON object"];
            return false;
        }

        if (root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Errors[name] = [$"{name} is required"];
        }

        return false;
    }

    private string? Fail(string name, string message)
    {
        Errors[name] = [message];
        return null;
    }
}
