using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Locks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Security;

/// <summary>
/// The cluster's signing keys. The first activation creates the first key; a reminder looks every
/// <see cref="JwtKeyRingOptions.RotationCheckPeriod"/> whether the current key has lived its
/// rotation period and, if so, rotates under the <c>jwt:rotate</c> lock with a fencing token newer
/// than the last rotation's. Secrets are sealed under the master key before they reach state, logs
/// or the wire; silos open them in their <see cref="JwtKeys"/> cache.
/// </summary>
[GrainType("jwt-key-ring")]
public sealed partial class JwtKeyRingGrain(
    [PersistentState("keys", AriaStorage.Name)] IPersistentState<JwtKeyRingState> store,
    JwtKeyRingOptions options,
    SecretCipher cipher,
    IDistributedLocks locks,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<JwtKeyRingGrain> logger) : Grain, IJwtKeyRingGrain, IRemindable
{
    /// <summary>The cluster-wide lock a rotation runs under.</summary>
    public const string RotateLock = "jwt:rotate";

    /// <summary>Lease of the rotation lock.</summary>
    public static readonly TimeSpan RotateLease = TimeSpan.FromMinutes(1);

    /// <summary>How long a rotation waits for another one to finish.</summary>
    public static readonly TimeSpan RotateWait = TimeSpan.FromSeconds(10);

    private const string RotationReminder = "jwt-rotation";

    private readonly ILogger<JwtKeyRingGrain> _logger = logger;

    // What the polls get: only ever a key set already persisted, since they interleave with a rotation.
    private SealedJwtKeyRing _published = new(0, "", []);

    private JwtKeyRingState State => store.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Keys.Count == 0)
        {
            // No lock: two activations racing here are settled by the storage ETag, the loser fails and reads the winner's key.
            KeyRingRules.Rotate(State, cipher, time.GetUtcNow(), options);
            await Persist();
            LogRotated(State.CurrentKid, "first key", 0, State.Keys.Count);
        }

        _published = State.ToRing();
        try
        {
            if (await this.GetReminder(RotationReminder) is null)
            {
                await this.RegisterOrUpdateReminder(RotationReminder, options.RotationCheckPeriod, options.RotationCheckPeriod);
            }
        }
        catch (Exception exception)
        {
            // Serve the keys anyway; the next activation (the cache's next poll) tries the reminder again.
            LogReminderFailed(exception);
            DeactivateOnIdle();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == RotationReminder)
        {
            await RotateIfDue();
        }
    }

    public async Task<bool> RotateIfDue()
    {
        await using var handle = await locks.AcquireAsync(RotateLock, RotateLease, RotateWait, above: State.RotationFence);
        if (IsStale(handle))
        {
            return false;
        }

        if (!KeyRingRules.IsDue(State, time.GetUtcNow(), options.Rotation))
        {
            return false;
        }

        await RotateUnder(handle, "scheduled");
        return true;
    }

    public async Task<JwtKeyRingView> Rotate(string reason)
    {
        if (TextRules.PrintableError("reason", reason, TextRules.MaxReasonLength) is { } invalid)
        {
            throw new ArgumentException(invalid, nameof(reason));
        }

        await using var handle = await locks.AcquireAsync(RotateLock, RotateLease, RotateWait, above: State.RotationFence);
        if (IsStale(handle))
        {
            throw new InvalidOperationException(
                $"fencing token {handle.FencingToken} of lock '{RotateLock}' is not newer than {State.RotationFence}, under which the keys were last rotated; nothing rotated");
        }

        await RotateUnder(handle, reason);
        return KeyRingRules.View(_published, options.Rotation, options.Overlap);
    }

    public Task<JwtKeyRingView> GetView() => Task.FromResult(KeyRingRules.View(_published, options.Rotation, options.Overlap));

    public Task<SealedJwtKeyRing?> GetKeysSince(long knownVersion) =>
        Task.FromResult(_published.Version == knownVersion ? null : _published);

    // A holder whose lease ran out while a newer holder rotated must not rotate a second time.
    private bool IsStale(ILockHandle handle)
    {
        if (handle.FencingToken > State.RotationFence)
        {
            return false;
        }

        LogStale(handle.FencingToken, State.RotationFence, State.CurrentKid);
        return true;
    }

    private async Task RotateUnder(ILockHandle handle, string reason)
    {
        handle.Lost.ThrowIfCancellationRequested();
        var previous = State.CurrentKid;
        KeyRingRules.Rotate(State, cipher, time.GetUtcNow(), options);
        State.RotationFence = handle.FencingToken;
        await Persist();
        _published = State.ToRing();
        LogRotated(State.CurrentKid, reason, handle.FencingToken, State.Keys.Count);
        LogRetired(previous, KeyRingRules.AcceptedUntil(time.GetUtcNow(), options.Overlap));
    }

    private Task Persist() => store.WriteOrRestartAsync(this);
}
