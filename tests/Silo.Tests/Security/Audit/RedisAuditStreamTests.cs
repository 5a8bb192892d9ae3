using System.Net;
using AriaPro.Silo.Tests.Hosting;
using StackExchange.Redis;
using static AriaPro.Silo.Tests.Http.HttpJson;

namespace AriaPro.Silo.Tests.Security.Audit;

/// <summary>Cluster mode against the real redis-server that ./test.sh starts (ARIA_TEST_REDIS).</summary>
[Trait("Category", "Integration")]
public sealed class RedisAuditStreamTests
{
    private static readonly string? Redis = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS");
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [SkippableFact]
    public async Task ClusterMode_AuditedActions_AppearInTheServiceAuditStreamWithoutSecrets()
    {
        Skip.If(string.IsNullOrEmpty(Redis), "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it");
        var serviceId = $"audit-{Guid.NewGuid():N}";
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["ARIA_REDIS"] = Redis,
            ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
            ["ARIA_SERVICE_ID"] = serviceId,
            ["ARIA_CLUSTER_ID"] = serviceId,
        });
        var jti = Guid.NewGuid().ToString("N");
        var adminToken = host.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis!);

        using var response = await host.Http.PostAsync("/security/revoke", Body($$"""{"jti":"{{jti}}"}"""));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entries = await WaitForAsync(redis.GetDatabase(), $"{serviceId}:audit", jti);
        var revoked = entries.Single(e => e["type"] == "token_revoked");
        Assert.Equal("admin", revoked["principal"]);
        Assert.Equal("/security/revoke", revoked["path"]);
        Assert.Contains(entries, e => e["type"] == "token_issued" && e["principal"] == "admin");
        var everything = string.Join('\n', entries.SelectMany(e => e.Values));
        Assert.DoesNotContain(TestAuth.AdminKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(adminToken, everything, StringComparison.Ordinal);
    }

    // Every entry of the stream, once one mentions the revoked jti.
    private static async Task<List<Dictionary<string, string>>> WaitForAsync(IDatabase database, string key, string jti)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            var entries = (await database.StreamRangeAsync(key))
                .Select(e => e.Values.ToDictionary(v => v.Name.ToString(), v => v.Value.ToString()))
                .ToList();
            if (entries.Any(e => e["details"].Contains(jti, StringComparison.Ordinal)))
            {
                return entries;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no entry for the revocation in {key} within {Limit.TotalSeconds} s ({entries.Count} entries)");
            await Task.Delay(Step);
        }
    }
}
