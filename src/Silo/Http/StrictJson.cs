using System.Text.Json;
using System.Text.Unicode;

namespace AriaPro.Silo.Http;

/// <summary>
/// Parses untrusted JSON text the one strict way every door uses: UTF-8 only (an invalid byte
/// anywhere is refused before parsing, so no string read can fail later), no field given twice
/// (otherwise the last one would silently win), no comments, no trailing commas.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The document, or a sentence saying what is wrong with <paramref name="utf8"/> (then the document is null).</summary>
    public static (JsonDocument? Document, string? Error) Parse(ReadOnlyMemory<byte> utf8, string what)
    {
        if (!Utf8.IsValid(utf8.Span))
        {
            return (null, $"{what} is not valid UTF-8 (byte {FirstInvalidByte(utf8.Span)}); send JSON text encoded as UTF-8");
        }

        try
        {
            return (JsonDocument.Parse(utf8, Options), null);
        }
        catch (JsonException exception) when (IsDuplicate(exception))
        {
            return (null, $"{what} gives a field more than once ({exception.Message.TrimEnd('.')}); send each field once");
        }
        catch (JsonException exception)
        {
            return (null, $"{what} is not valid JSON: {exception.Message}");
        }
    }

    // The parser names a duplicate field in its message; nothing else tells the two apart.
    private static bool IsDuplicate(JsonException exception) =>
        exception.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase);

    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
