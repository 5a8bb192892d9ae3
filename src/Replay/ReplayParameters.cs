using Microsoft.Extensions.Configuration;
using AriaPro.Silo.Configuration;

namespace AriaPro.Replay;

/// <summary>One <c>--param NAME=V1,V2</c>: an AriaPro variable and the values a sweep replays it with.</summary>
public sealed record ReplayParameter(string Name, IReadOnlyList<string> Values);

/// <summary>
/// Reads and checks <c>--param</c> before anything runs, and spreads several into the runs of a
/// sweep (every combination of their values, in the order given).
/// </summary>
public static class ReplayParameters
{
    /// <summary>The most runs one sweep may ask for.</summary>
    public const int MaxRuns = 64;

    /// <summary>Reads <c>NAME=V1[,V2...]</c>; a <see cref="ReplayException"/> names what is wrong.</summary>
    public static ReplayParameter Parse(string text)
    {
        var equals = (text ?? "").IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ReplayException($"--param '{text}' is not NAME=VALUE[,VALUE...], such as ARIA_AUTOTRADE_LOTS=0.5,1,2.");
        }

        var name = text![..equals].Trim();
        if (!AriaVariables.All.Contains(name, StringComparer.Ordinal))
        {
            throw new ReplayException($"--param {name}: not an AriaPro variable (docs/OPERATIONS.md and deploy/production.env list them).");
        }

        if (ReplayHost.FixedVariables.Contains(name, StringComparer.Ordinal))
        {
            throw new ReplayException($"--param {name}: the replay sets {name} itself; it cannot be swept.");
        }

        var values = text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries).ToList();
        if (values.Any(v => v.Length == 0))
        {
            throw new ReplayException($"--param {name}: a value is empty in '{text[(equals + 1)..]}'.");
        }

        foreach (var value in values)
        {
            var loaded = AriaSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection([new(name, value)]).Build());
            if (!loaded.IsValid)
            {
                throw new ReplayException($"--param {name}={value}: {string.Join("; ", loaded.Errors)}");
            }
        }

        return new ReplayParameter(name, values.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Every combination of the parameters' values; one empty run when none is given.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Runs(IReadOnlyList<ReplayParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        IEnumerable<Dictionary<string, string>> runs = [new Dictionary<string, string>(StringComparer.Ordinal)];
        foreach (var parameter in parameters)
        {
            runs = runs.SelectMany(run => parameter.Values.Select(value => new Dictionary<string, string>(run, StringComparer.Ordinal) { [parameter.Name] = value }));
        }

        var all = runs.ToList();
        return all.Count <= MaxRuns ? all : throw new ReplayException($"--param asks for {all.Count} runs; a sweep runs at most {MaxRuns}.");
    }

    /// <summary>A run's folder name: NAME=value, joined by '_' for several.</summary>
    public static string Label(IReadOnlyDictionary<string, string> run) =>
        string.Join('_', run.Select(p => $"{p.Key}={p.Value}"));
}
