using System.Text.Json.Nodes;

namespace AriaPro.Silo.Tests.OpenApi;

/// <summary>One operation of the document: method, path, role and documented statuses.</summary>
public sealed record DocumentOperation(string Method, string Path, string Role, IReadOnlyList<int> Statuses, JsonObject Operation)
{
    /// <summary>Every operation of <paramref name="document"/>.</summary>
    public static IReadOnlyList<DocumentOperation> All(JsonObject document) =>
    [
        .. from path in document["paths"]!.AsObject()
           from operation in path.Value!.AsObject()
           let body = operation.Value!.AsObject()
           select new DocumentOperation(
               operation.Key.ToUpperInvariant(),
               path.Key,
               (string?)body["x-aria-role"] ?? throw new Xunit.Sdk.XunitException($"{operation.Key} {path.Key} has no x-aria-role"),
               [.. body["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture))],
               body),
    ];
}
