namespace AriaPro.Grains.Tests.Cluster;

/// <summary>
/// Awaits a condition that another component makes true asynchronously (the paper broker reports
/// on its own tasks, as a real venue would). Bounded: fails the test after ten seconds.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    public static Task True(Func<bool> condition, string what) =>
        Get(() => Task.FromResult(condition()), done => done, what);

    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(Step);
        }
    }
}
