using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Locks;
using AriaPro.Grains.Signals.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Signals;

/// <summary>
/// Holds the cluster's model manifest. A reload runs once across the cluster under the
/// <c>models:reload</c> lock and never writes with a fencing token older than the manifest's own;
/// it validates the folder, persists the next manifest before answering, and applies it to this
/// silo at once. The other silos follow within <see cref="ModelManifestFollower.PollInterval"/>.
/// </summary>
[GrainType("model-registry")]
public sealed partial class ModelRegistryGrain(
    [PersistentState("manifest", AriaStorage.Name)] IPersistentState<ModelManifestState> store,
    ModelCatalog catalog,
    IDistributedLocks locks,
    IOptions<ModelHealthOptions> options,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<ModelRegistryGrain> logger) : Grain, IModelRegistryGrain
{
    /// <summary>The cluster-wide lock a reload runs under.</summary>
    public const string ReloadLock = "models:reload";

    /// <summary>Lease of the reload lock, renewed while the reload runs.</summary>
    public static readonly TimeSpan ReloadLease = TimeSpan.FromMinutes(1);

    /// <summary>How long a reload waits for another one to finish before it gives up.</summary>
    public static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(10);

    private readonly ILogger<ModelRegistryGrain> _logger = logger;

    // What GetManifest answers: only ever a manifest already persisted, since GetManifest
    // interleaves with a running reload (the silos' polls must not wait behind a lock wait).
    private ModelManifest _published = ModelManifest.None;

    private ModelManifestState State => store.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _published = State.ToManifest();
        return Task.CompletedTask;
    }

    public async Task<ModelReloadResult> Reload()
    {
        await using var handle = await locks.AcquireAsync(ReloadLock, ReloadLease, ReloadWait, above: State.FencingToken);
        var previous = State.ToManifest();
        if (handle.FencingToken <= State.FencingToken)
        {
            // A holder whose lease ran out while a newer holder wrote must not write over it.
            LogStale(handle.FencingToken, State.FencingToken, State.Version);
            return new(false, $"fencing token {handle.FencingToken} is not newer than {State.FencingToken}, under which manifest {State.Version} was written; nothing written", previous, []);
        }

        var directory = catalog.ModelsDirectory;
        if (!Directory.Exists(directory))
        {
            // A silo without its folder (a volume not mounted) must not empty the manifest of a whole cluster.
            LogNoFolder(directory);
            return new(false, $"no models folder at {directory} (ARIA_MODELS_DIR) on the silo that ran the reload; manifest {State.Version} is unchanged", previous, []);
        }

        var scan = await Task.Run(() => ModelFolderScan.ScanAsync(directory, catalog.IsReserved, options.Value.ModelTimeout, time), handle.Lost);
        var (next, rejected) = NextManifest.From(previous, scan, handle.FencingToken, time.GetUtcNow());
        handle.Lost.ThrowIfCancellationRequested();
        State.Version = next.Version;
        State.FencingToken = next.FencingToken;
        State.WrittenAt = next.WrittenAt;
        State.Models = [.. next.Models];
        await store.WriteOrRestartAsync(this);

        _published = next;
        await Task.Run(() => catalog.Apply(next));
        foreach (var rejection in rejected)
        {
            LogRejected(rejection.FileName, rejection.Reason);
        }

        var models = string.Join(", ", next.Models.Select(m => $"{m.Id} v{m.Version}"));
        LogReloaded(next.Version, handle.FencingToken, models, rejected.Count);
        return new(true, $"manifest {next.Version}: {(models.Length == 0 ? "no ONNX models" : models)}; {rejected.Count} rejected", next, rejected);
    }

    public Task<ModelManifest> GetManifest() => Task.FromResult(_published);
}
