using System.Text.Json;

namespace AriaPro.Silo.Http;

/// <summary>Typed reads of a request object's fields that record one error per bad field.</summary>
internal sealed class JsonFields(JsonElement root)
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public string? String(string name, bool required = true)
    {
        if (!TryGet(name, out var value))
        {
            return Missing<string>(name, required);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Fail<string>(name, $"{name} must be a string");
        }

        return value.GetString();
    }

    public decimal? Decimal(string name, bool required = true)
    {
        if (!TryGet(name, out var value))
        {
            return Missing<decimal>(name, required);
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            return Fail<decimal>(name, $"{name} must be a JSON number");
        }

        return value.TryGetDecimal(out var number) ? number : Fail<decimal>(name, $"{name} is not a finite decimal number");
    }

    public TEnum? Enum<TEnum>(string name, bool required = true)
        where TEnum : struct, System.Enum
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(text, out _)
            ? parsed
            : Fail<TEnum>(name, $"{name} must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
    }

    private bool TryGet(string name, out JsonElement value)
    {
        value = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            Errors["body"] = ["the body must be a JSON object"];
            return false;
        }

        return root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private T? Missing<T>(string name, bool required)
    {
        if (required && root.ValueKind == JsonValueKind.Object)
        {
            Errors[name] = [$"{name} is required"];
        }

        return default;
    }

    private T? Fail<T>(string name, string message)
    {
        Errors[name] = [message];
        return default;
    }
}
