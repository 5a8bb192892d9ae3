using AriaPro.Client;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Silo.Tests.Client;

/// <summary>The SDK's retry rules: transient failures are retried with the same client order id, refusals are not.</summary>
[Trait("Category", "Unit")]
public sealed class AriaProClientRetryTests
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _time = new();
    private readonly FlakyOrderGrains _grains = FlakyOrderGrains.Create();
    private readonly List<int> _retries = [];

    private AriaProClient Client()
    {
        var client = new AriaProClient(_grains.Grains, new AriaProClientOptions { RetryFor = RetryFor }, _time);
        client.Retrying += (attempt, _) => _retries.Add(attempt);
        return client;
    }

    [Fact]
    public async Task SubmitOrder_SiloDiesTwice_RetriedWithTheSameClientOrderIdUntilItAnswers()
    {
        _grains.Failures.Enqueue(new SiloUnavailableException("silo died"));
        _grains.Failures.Enqueue(new TimeoutException("the response did not arrive in time"));

        var result = await Drive(Client().SubmitOrderAsync(Order("retry-1")));

        Assert.Equal(["retry-1", "retry-1", "retry-1"], _grains.Calls);
        Assert.Equal([1, 2], _retries);
        Assert.Equal("retry-1", result.Order.ClientOrderId);
    }

    [Fact]
    public async Task SubmitOrder_RedisDownWrappedByStorage_Retried()
    {
        _grains.Failures.Enqueue(new OrleansException("storage write failed", new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.UnableToConnect, "no connection")));

        await Drive(Client().SubmitOrderAsync(Order("retry-2")));

        Assert.Equal(2, _grains.Calls.Count);
    }

    [Fact]
    public async Task SubmitOrder_GrainRefusesTheOrder_NotRetried()
    {
        _grains.Failures.Enqueue(new ClientOrderIdConflictException("used on GBPUSD"));

        await Assert.ThrowsAsync<ClientOrderIdConflictException>(() => Drive(Client().SubmitOrderAsync(Order("retry-3"))));

        Assert.Single(_grains.Calls);
        Assert.Empty(_retries);
    }

    [Fact]
    public async Task SubmitOrder_ClusterStaysDown_GivesUpAfterRetryForAsUnavailableWithTheLastFailure()
    {
        for (var i = 0; i < 10_000; i++)
        {
            _grains.Failures.Enqueue(new SiloUnavailableException($"down {i}"));
        }

        var unavailable = await Assert.ThrowsAsync<AriaUnavailableException>(() => Drive(Client().SubmitOrderAsync(Order("retry-4"))));
        var failure = Assert.IsType<SiloUnavailableException>(unavailable.InnerException);

        Assert.True(_grains.Calls.Count >= 2);
        Assert.Equal($"down {_grains.Calls.Count - 1}", failure.Message);
        Assert.Contains("safe to send again", unavailable.Message);
        Assert.True(_time.GetUtcNow() - new FakeTimeProvider().GetUtcNow() >= RetryFor);
    }

    [Fact]
    public void TransientFailure_Classifies()
    {
        Assert.NotNull(TransientFailure.Cause(new TimeoutException()));
        Assert.NotNull(TransientFailure.Cause(new InvalidOperationException("outer", new SiloUnavailableException())));
        Assert.Null(TransientFailure.Cause(new ArgumentException("bad quantity")));
        Assert.Null(TransientFailure.Cause(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void TransientFailure_RedisGrainStorageLosingRedis_IsTransient_ButAStateThatDoesNotReadIsNot()
    {
        // As Orleans' Redis grain storage words them: the inner exception's type and message, no inner exception.
        var timeout = new Orleans.Persistence.Redis.RedisStorageException(
            "Failed to read grain state for apikeys with ID apikeys/0 and storage key x. StackExchange.Redis.RedisTimeoutException: Timeout awaiting response");
        var corrupt = new Orleans.Persistence.Redis.RedisStorageException(
            "Failed to read grain state for apikeys with ID apikeys/0 and storage key x. System.Text.Json.JsonException: unexpected end of data");

        Assert.Same(timeout, TransientFailure.Cause(timeout));
        Assert.Null(TransientFailure.Cause(corrupt));
    }

    // Moves the fake clock on while the call waits out its backoff delays.
    private async Task<T> Drive<T>(Task<T> call)
    {
        while (!call.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        return await call;
    }

    private static OrderRequest Order(string id) => new(id, "EURUSD", OrderSide.Buy, 1m, OrderType.Market);
}
