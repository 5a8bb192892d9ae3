using System.Net;

namespace AriaPro.Client.Http;

/// <summary>
/// The facade refused a request: its RFC 7807 problem details (status, title, detail, and the
/// field errors of a validation problem). <see cref="Exception.Message"/> joins them into one line.
/// </summary>
public sealed class AriaApiException : Exception
{
    /// <summary>Creates the exception for a problem the facade answered with.</summary>
    public AriaApiException(HttpStatusCode status, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(Describe(title, detail, errors ?? new Dictionary<string, string[]>()))
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The problem's title, or the status's reason phrase when the body had none.</summary>
    public string Title { get; }

    /// <summary>The problem's detail, if any.</summary>
    public string? Detail { get; }

    /// <summary>Messages by field name (camelCase), from a validation problem; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    // "Title: detail; field message; field message", each part once; a field message that does
    // not name its field is prefixed with it.
    private static string Describe(string title, string? detail, IReadOnlyDictionary<string, string[]> errors)
    {
        var fieldMessages = errors
            .SelectMany(e => e.Value.Select(m => m.StartsWith(e.Key, StringComparison.OrdinalIgnoreCase) ? m : $"{e.Key}: {m}"))
            .Select(m => m.TrimEnd('.'))
            .ToList();
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(detail) && !fieldMessages.Any(m => m.EndsWith(detail.TrimEnd('.'), StringComparison.Ordinal)))
        {
            parts.Add(detail.TrimEnd('.'));
        }

        parts.AddRange(fieldMessages);
        return parts.Count == 0 ? title : $"{title.TrimEnd('.')}: {string.Join("; ", parts)}";
    }
}
