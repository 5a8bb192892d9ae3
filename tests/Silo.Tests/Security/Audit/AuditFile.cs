using System.Text.Json.Nodes;

namespace AriaPro.Silo.Tests.Security.Audit;

/// <summary>Reads a silo's audit file (JSON lines) while the silo still appends to it.</summary>
internal static class AuditFile
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    /// <summary>The whole file's text, or empty before the first write.</summary>
    public static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Every complete line, parsed. The silo may be half way through appending a line when the
    /// file is read, so text after the last newline is not an entry yet.
    /// </summary>
    public static List<JsonObject> ReadEntries(string path)
    {
        var text = ReadText(path);
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return [.. complete.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
    }

    /// <summary>The first entry of <paramref name="type"/> matching <paramref name="match"/>, polled until a deadline.</summary>
    public static async Task<JsonObject> WaitForAsync(string path, string type, Func<JsonObject, bool> match)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            if (ReadEntries(path).FirstOrDefault(e => (string?)e["type"] == type && match(e)) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {type} entry matched within {Limit.TotalSeconds} s; the file has:\n{ReadText(path)}");
            await Task.Delay(Step);
        }
    }

    /// <summary>Asserts that none of <paramref name="secrets"/> appears anywhere in the file.</summary>
    public static void AssertNoSecrets(string path, params string[] secrets)
    {
        var text = ReadText(path);
        Assert.NotEmpty(text);
        foreach (var secret in secrets)
        {
            Assert.True(secret.Length > 0, "an empty secret proves nothing");
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
