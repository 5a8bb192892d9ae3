using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Security;

/// <summary>
/// The cluster's revoked token ids and subjects. An entry lives until its tokens would have expired anyway:
/// expired entries are dropped on every write and left out of every answer, so the list stays as
/// small as the set of live revoked tokens (and never above <see cref="MaxEntries"/>).
/// </summary>
[GrainType("token-revocation")]
public sealed partial class TokenRevocationGrain(
    [PersistentState("revoked", AriaStorage.Name)] IPersistentState<TokenRevocationState> store,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<TokenRevocationGrain> logger) : Grain, ITokenRevocationGrain
{
    /// <summary>Live revocations kept at most; a revocation beyond it is refused, never one dropped early.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>Longest jti accepted.</summary>
    public const int MaxJtiLength = 200;

    private readonly ILogger<TokenRevocationGrain> _logger = logger;

    // What the polls get: only what is persisted, since they interleave with a write.
    private RevokedTokens _published = new(0, new Dictionary<string, DateTimeOffset>(), new Dictionary<string, DateTimeOffset>());

    private TokenRevocationState State => store.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _published = Publish();
        return Task.CompletedTask;
    }

    public async Task Revoke(string jti, DateTimeOffset expiresAt)
    {
        CheckName(jti, "a jti");

        var now = time.GetUtcNow();
        if (expiresAt <= now)
        {
            // The token no longer validates; a revocation would change nothing.
            return;
        }

        var pruned = Prune(now);
        if (State.Entries.TryGetValue(jti, out var known) && known >= expiresAt && pruned == 0)
        {
            return;
        }

        EnsureRoomFor(State.Entries.ContainsKey(jti));

        State.Entries[jti] = known > expiresAt ? known : expiresAt;
        await Save();
        LogRevoked(jti, State.Entries[jti], pruned, State.Entries.Count);
    }

    public async Task RevokeSubject(string subject, DateTimeOffset revokedAt)
    {
        CheckName(subject, "a subject");

        var pruned = Prune(time.GetUtcNow());
        if (State.Subjects.TryGetValue(subject, out var known) && known >= revokedAt && pruned == 0)
        {
            return;
        }

        EnsureRoomFor(State.Subjects.ContainsKey(subject));

        State.Subjects[subject] = known > revokedAt ? known : revokedAt;
        await Save();
        LogSubjectRevoked(subject, State.Subjects[subject], State.Subjects[subject] + TokenLifetimes.Longest);
    }

    private static void CheckName(string name, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > MaxJtiLength)
        {
            throw new ArgumentException($"{what} has at most {MaxJtiLength} characters, not {name.Length}", nameof(name));
        }
    }

    // A known jti or subject only moves its time; a new one needs room under the cap.
    private void EnsureRoomFor(bool known)
    {
        if (!known && State.Entries.Count + State.Subjects.Count >= MaxEntries)
        {
            throw new InvalidOperationException($"{MaxEntries} tokens are revoked and not yet expired; refusing to revoke more");
        }
    }

    private async Task Save()
    {
        State.Version++;
        await store.WriteOrRestartAsync(this);
        _published = Publish();
    }

    public Task<RevokedTokens?> GetRevokedSince(long knownVersion)
    {
        var now = time.GetUtcNow();
        if (_published.Entries.Values.Any(e => e <= now) || _published.Subjects.Values.Any(r => r + TokenLifetimes.Longest <= now))
        {
            // Same version: an expired entry changes nothing for a cache that checks expiry itself.
            _published = _published with
            {
                Entries = _published.Entries.Where(e => e.Value > now).ToDictionary(StringComparer.Ordinal),
                Subjects = _published.Subjects.Where(r => r.Value + TokenLifetimes.Longest > now).ToDictionary(StringComparer.Ordinal),
            };
        }

        return Task.FromResult(_published.Version == knownVersion ? null : _published);
    }

    private int Prune(DateTimeOffset now)
    {
        var expired = State.Entries.Where(e => e.Value <= now).Select(e => e.Key).ToList();
        foreach (var jti in expired)
        {
            State.Entries.Remove(jti);
        }

        // A subject's tokens issued before its revocation have all expired by now.
        var lapsed = State.Subjects.Where(r => r.Value + TokenLifetimes.Longest <= now).Select(r => r.Key).ToList();
        foreach (var subject in lapsed)
        {
            State.Subjects.Remove(subject);
        }

        return expired.Count + lapsed.Count;
    }

    private RevokedTokens Publish() => new(
        State.Version,
        new Dictionary<string, DateTimeOffset>(State.Entries, StringComparer.Ordinal),
        new Dictionary<string, DateTimeOffset>(State.Subjects, StringComparer.Ordinal));

    [LoggerMessage(Level = LogLevel.Information, Message = "Token {Jti} revoked until {ExpiresAt}; {Pruned} expired revocations dropped, {Count} live")]
    private partial void LogRevoked(string jti, DateTimeOffset expiresAt, int pruned, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every token of {Subject} issued until {RevokedAt} revoked (remembered until {ForgottenAt})")]
    private partial void LogSubjectRevoked(string subject, DateTimeOffset revokedAt, DateTimeOffset forgottenAt);
}
