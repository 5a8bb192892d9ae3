using AriaPro.Silo.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AriaPro.Silo.Tests.Http;

[Trait("Category", "Unit")]
public sealed class GrainCallDeadlineTests
{
    private readonly FakeTimeProvider _time = new();

    private GrainCallDeadline Deadline => new(NullLogger<GrainCallDeadline>.Instance, _time);

    [Fact]
    public async Task Await_AnswerBeforeLimit_ReturnsIt()
    {
        var call = new TaskCompletionSource<int>();

        var waiting = Deadline.Await(call.Task);
        _time.Advance(GrainCallDeadline.Limit - TimeSpan.FromMilliseconds(1));
        call.SetResult(42);

        Assert.Equal(42, await waiting);
    }

    [Fact]
    public async Task Await_NoAnswerWithinLimit_ThrowsTimeoutException()
    {
        var call = new TaskCompletionSource<int>();

        var waiting = Deadline.Await(call.Task, "submit of order x");
        _time.Advance(GrainCallDeadline.Limit);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => waiting);
        call.SetResult(42);

        Assert.Contains("submit of order x", timeout.Message);
    }

    [Fact]
    public async Task Await_CallFailsBeforeLimit_ThrowsItsOwnException()
    {
        var failure = new SiloUnavailableException("silo gone");

        var thrown = await Assert.ThrowsAsync<SiloUnavailableException>(() => Deadline.Await(Task.FromException<int>(failure)));

        Assert.Same(failure, thrown);
    }
}
