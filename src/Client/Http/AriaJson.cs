using System.Text.Json;
using System.Text.Json.Serialization;

namespace AriaPro.Client.Http;

/// <summary>
/// The facade's JSON conventions, for reading its answers and writing its requests: the web
/// defaults (camelCase names, case-insensitive reads, numbers as numbers), enums as their names,
/// and null members left out.
/// </summary>
public static class AriaJson
{
    /// <summary>Options matching the silo's <c>ConfigureHttpJsonOptions</c>.</summary>
    public static readonly JsonSerializerOptions Options = Create(indented: false);

    /// <summary>The same conventions, indented for people.</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
