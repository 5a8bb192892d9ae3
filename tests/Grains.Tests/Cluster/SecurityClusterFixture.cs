using System.Security.Cryptography;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Locks;
using AriaPro.Grains.Security;
using AriaPro.Grains.Tests.Locks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace AriaPro.Grains.Tests.Cluster;

/// <summary>
/// Two in-process silos sharing one master key and one lock table (as Redis would be shared).
/// The fake trading clock drives key ages, overlaps, revocation expiry and each silo's key poll;
/// the rotation reminder is set to an hour of real time so that it never fires during a test.
/// </summary>
public sealed class SecurityClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));

    public TokenOverrideLocks Locks { get; }

    public JwtKeyRingOptions Options { get; } = new()
    {
        Rotation = TimeSpan.FromHours(24),
        Overlap = TimeSpan.FromHours(2),
        MaxSecrets = 3,
        MasterKey = RandomNumberGenerator.GetBytes(SecretCipher.MasterKeySize),
        RotationCheckPeriod = TimeSpan.FromHours(1),
    };

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IJwtKeyRingGrain Ring => Cluster.Client.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster);

    public ITokenRevocationGrain Revocations => Cluster.Client.GetGrain<ITokenRevocationGrain>(ITokenRevocationGrain.Cluster);

    /// <summary>Each silo's key cache; the tests act on the first and watch the second.</summary>
    public IReadOnlyList<JwtKeys> Keys => [.. Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<JwtKeys>())];

    public SecurityClusterFixture() => Locks = new(Time);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureClient(client => client.AddMemoryStreams(AriaStreams.Provider));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddInMemoryProviders();
            silo.Services.AddSingleton<IDistributedLocks>(Locks);
            silo.Services.AddAriaProTrading(new TradingConfiguration { AutoTrader = new() { Enabled = false } }, Time);
            silo.Services.AddAriaProSecurity(Options);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>
    /// Lets the second silo poll at most twice (one second of the clock) and asserts that it then
    /// sees <paramref name="seen"/>. Two polls, because a poll already running when the change was
    /// made may have missed it; the next one cannot.
    /// </summary>
    public async Task SecondSiloSeesWithinOneSecond(Func<JwtKeys, bool> seen, string what)
    {
        var other = Keys[1];
        for (var poll = 0; poll < 2 && !seen(other); poll++)
        {
            var before = other.Refreshes;
            Time.Advance(JwtKeys.PollInterval);
            await Eventually.True(() => other.Refreshes > before, "the second silo to finish a poll");
        }

        Assert.True(seen(other), $"the second silo did not see {what} within one second of polls");
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
