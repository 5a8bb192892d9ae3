using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Docs;

/// <summary>The README's fenced shell blocks, found by the text just above them, as a reader finds them.</summary>
public static class ReadmeBlocks
{
    /// <summary>The lines of the first <c>```sh</c> block after the first line containing <paramref name="marker"/>.</summary>
    public static IReadOnlyList<string> After(string marker)
    {
        var lines = File.ReadAllLines(Repository.PathOf("README.md"));
        var at = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(at >= 0, $"README.md no longer says '{marker}'");
        var open = Array.FindIndex(lines, at, l => l.Trim() == "```sh");
        Assert.True(open > at, $"README.md has no sh block after '{marker}'");
        var close = Array.FindIndex(lines, open + 1, l => l.Trim() == "```");
        return lines[(open + 1)..close];
    }

    /// <summary>
    /// A bash script that runs <paramref name="block"/> line by line and stops at the first failure:
    /// every command must exit 0, and curl fails on any 4xx or 5xx answer (printing the problem).
    /// </summary>
    public static string Script(IEnumerable<string> block) =>
        """
        set -euo pipefail
        shopt -s inherit_errexit
        curl() { command curl --fail-with-body --show-error "$@" && echo; }

        """ + string.Join('\n', block) + "\n";
}
