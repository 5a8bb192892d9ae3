using AriaPro.Grains.Interfaces.Signals;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// How a reload turns what it found into the next manifest. Models that passed go in. A model
/// whose file is now rejected keeps its previous entry, so a broken upload never takes a good
/// model away; a model whose files are gone leaves the manifest.
/// </summary>
public static class NextManifest
{
    /// <summary>The manifest after <paramref name="previous"/>, and every rejection (saying when a previous entry was kept).</summary>
    public static (ModelManifest Manifest, IReadOnlyList<RejectedModel> Rejected) From(
        ModelManifest previous, ModelScan scan, long fencingToken, DateTimeOffset now)
    {
        var models = scan.Valid.ToList();
        var rejected = new List<RejectedModel>();
        foreach (var rejection in scan.Rejected)
        {
            var kept = previous.Models.FirstOrDefault(p =>
                (p.FileName == rejection.FileName || p.Id == rejection.Id) && models.TrueForAll(m => m.Id != p.Id));
            if (kept is null)
            {
                rejected.Add(rejection);
                continue;
            }

            models.Add(kept);
            rejected.Add(rejection with { Reason = $"{rejection.Reason}; kept {kept.Id} v{kept.Version} of manifest {previous.Version}" });
        }

        return (new ModelManifest(previous.Version + 1, fencingToken, now, [.. models.OrderBy(m => m.Id, StringComparer.Ordinal)]), rejected);
    }
}
