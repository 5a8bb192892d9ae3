using System.Text.Json;

namespace AriaPro.Silo.Http;

/// <summary>Reads a request body as one JSON document, refusing what is too big, empty, not UTF-8 or malformed (<see cref="StrictJson"/>).</summary>
internal static class JsonBody
{
    /// <summary>The parsed document, or a sentence saying what is wrong with the body.</summary>
    public static async Task<(JsonDocument? Document, string? Error)> ReadAsync(HttpRequest request, int maxBytes, bool allowEmpty = false)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, $"the request body is larger than {maxBytes / 1024} KiB");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, $"the request body is larger than {maxBytes / 1024} KiB");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return allowEmpty ? (null, null) : (null, "the request body is empty; a JSON object is required");
        }

        return StrictJson.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), "the request body");
    }

    /// <summary>
    /// An optional body <c>{"reason": "..."}</c> for an operator action: the reason (or
    /// <paramref name="fallback"/> when the body or the field is absent), or the 400 to answer.
    /// </summary>
    public static async Task<(string Reason, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Invalid)> ReadReasonAsync(HttpRequest request, string fallback)
    {
        var (document, error) = await ReadAsync(request, FacadeExtensions.MaxBodyBytes, allowEmpty: true);
        using (document)
        {
            if (error is not null)
            {
                return (fallback, Problems.Invalid("body", error));
            }

            var fields = document is null ? null : new JsonFields(document.RootElement);
            var reason = fields?.Reason() ?? fallback;
            return fields?.Errors.Count > 0 ? (fallback, TypedResults.ValidationProblem(fields.Errors)) : (reason, null);
        }
    }
}
