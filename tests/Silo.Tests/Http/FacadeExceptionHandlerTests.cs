using System.Text.Json.Nodes;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace AriaPro.Silo.Tests.Http;

[Trait("Category", "Unit")]
public sealed class FacadeExceptionHandlerTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new SiloUnavailableException("silo died"), 503 },
        { new TimeoutException("no answer"), 503 },
        { new RedisConnectionException(ConnectionFailureType.UnableToConnect, "redis down"), 503 },
        { new InvalidOperationException("write failed", new RedisTimeoutException("redis slow", CommandStatus.Sent)), 503 },
        {
            // What a grain's state write throws with Redis killed, as the silo logs it.
            new OrleansException("Error from storage provider RedisGrainStorage.trader during WriteStateAsync",
                new Orleans.Persistence.Redis.RedisStorageException("Failed to write grain state", new RedisConnectionException(ConnectionFailureType.SocketClosed, "SocketClosed"))),
            503
        },
        { new ArgumentException("bad quantity"), 400 },
        { new ClientOrderIdConflictException("used"), 409 },
        { new AriaPro.Grains.Locks.LockUnavailableException("jwt:rotate", TimeSpan.FromSeconds(10)), 409 },
        { new InvalidOperationException("bug"), 500 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TryHandleAsync_Exception_MapsToProblemStatus(Exception exception, int status)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new FacadeExceptionHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), NullLogger<FacadeExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);
        context.Response.Body.Position = 0;
        var problem = JsonNode.Parse(context.Response.Body)!;

        Assert.True(handled);
        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal(status, (int?)problem["status"]);
        Assert.Equal(status == 503 ? "5" : null, context.Response.Headers.RetryAfter.FirstOrDefault());
    }
}
