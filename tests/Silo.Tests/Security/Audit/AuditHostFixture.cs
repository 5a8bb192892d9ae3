using AriaPro.Silo.Tests.Hosting;

namespace AriaPro.Silo.Tests.Security.Audit;

/// <summary>One host writing its audit trail to a temporary file; <c>GET /trading/positions</c> allows two requests a minute per key.</summary>
public sealed class AuditHostFixture : IAsyncLifetime
{
    public const int PositionsPerMinute = 2;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aria-audit-{Guid.NewGuid():N}");

    public TestHost Host { get; private set; } = null!;

    public string AuditPath => Path.Combine(_folder, "audit.jsonl");

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(new Dictionary<string, string?>
    {
        ["ARIA_AUDIT_LOG"] = AuditPath,
        ["RATE_LIMIT_ENDPOINTS"] = $"GET /trading/positions={PositionsPerMinute}",
    });

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
