using System.Text;
using AriaPro.Grains.Security;
using AriaPro.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AriaPro.Silo.Tests.Security;

/// <summary>Cluster mode against the real redis-server that ./test.sh starts (ARIA_TEST_REDIS).</summary>
[Trait("Category", "Integration")]
public sealed class SigningKeyStorageTests
{
    private static readonly string? Redis = Environment.GetEnvironmentVariable("ARIA_TEST_REDIS");

    [SkippableFact]
    public async Task RedisScan_AfterRotations_FindsNoSigningSecretInClear()
    {
        Skip.If(string.IsNullOrEmpty(Redis), "ARIA_TEST_REDIS is not set; ./test.sh starts a redis-server and sets it");
        var serviceId = $"keys-{Guid.NewGuid():N}";
        var secrets = new List<byte[]>();
        string currentKid;
        await using (var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["ARIA_REDIS"] = Redis,
            ["ARIA_MASTER_KEY"] = TestMasterKey.Base64,
            ["ARIA_SERVICE_ID"] = serviceId,
            ["ARIA_CLUSTER_ID"] = serviceId,
        }))
        {
            var keys = host.Services.GetRequiredService<IJwtKeys>();
            secrets.Add(keys.Current.Secret);
            for (var i = 0; i < 2; i++)
            {
                await keys.RotateAsync("storage test");
                secrets.Add(keys.Current.Secret);
            }

            currentKid = keys.Current.Kid;
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis!);
        var values = await ReadEveryKey(redis);
        var forms = secrets.SelectMany(Forms).ToList();

        Assert.Equal(3, secrets.Select(Convert.ToHexString).Distinct().Count());
        Assert.Contains(values, v => v.Key.StartsWith($"{serviceId}/state/jwt-key-ring", StringComparison.Ordinal) && Contains(v.Value, Encoding.UTF8.GetBytes(currentKid)));
        foreach (var (key, value) in values)
        {
            Assert.False(forms.Any(form => Contains(value, form)), $"a signing secret appears in clear in Redis key '{key}'");
        }
    }

    // The raw bytes and every usual text encoding of them.
    private static IEnumerable<byte[]> Forms(byte[] secret) =>
    [
        secret,
        Encoding.ASCII.GetBytes(Convert.ToBase64String(secret)),
        Encoding.ASCII.GetBytes(Convert.ToBase64String(secret).TrimEnd('=').Replace('+', '-').Replace('/', '_')),
        Encoding.ASCII.GetBytes(Convert.ToHexString(secret)),
        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(secret)),
    ];

    private static async Task<List<(string Key, byte[] Value)>> ReadEveryKey(ConnectionMultiplexer redis)
    {
        var database = redis.GetDatabase();
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var values = new List<(string, byte[])>();
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            var parts = await database.KeyTypeAsync(key) switch
            {
                RedisType.String => [await database.StringGetAsync(key)],
                RedisType.Hash => (await database.HashGetAllAsync(key)).SelectMany(e => new[] { e.Name, e.Value }).ToArray(),
                RedisType.List => await database.ListRangeAsync(key),
                RedisType.Set => await database.SetMembersAsync(key),
                RedisType.SortedSet => await database.SortedSetRangeByRankAsync(key),
                RedisType.Stream => (await database.StreamRangeAsync(key)).SelectMany(e => e.Values).SelectMany(v => new[] { v.Name, v.Value }).ToArray(),
                _ => [],
            };
            values.AddRange(parts.Where(p => p.HasValue).Select(p => (key.ToString(), (byte[])p!)));
        }

        return values;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
