using System.Text.Json;

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

        return value.ValueKind == JsonValueKind.String ? value.GetString() : Fail(name, $"{name} must be a string");
    }

    /// <summary>A numeric field; null when absent (an error when required), not a number, or not a finite decimal.</summary>
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

        if (value.TryGetDecimal(out var number))
        {
            return number;
        }

        Fail(name, $"{name} is not a finite decimal number");
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

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            Fail(name, $"{name} must be an array of strings");
            return null;
        }

        return [.. value.EnumerateArray().Select(e => e.GetString()!)];
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

    /// <summary>An enum field given by name (any case); numbers are refused.</summary>
    public TEnum? Enum<TEnum>(string name, bool required = true)
        where TEnum : struct, System.Enum
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, out _) && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        Fail(name, $"{name} must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
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
