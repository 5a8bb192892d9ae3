using AriaPro.Grains.Trading;

namespace AriaPro.Grains.Tests.Trading;

/// <summary>Group commit of calls: one call out per key, what arrives meanwhile goes together in the next.</summary>
[Trait("Category", "Unit")]
public sealed class CallCoalescerTests
{
    // A receiver whose calls return only when the test lets them.
    private sealed class HeldReceiver
    {
        private readonly List<(string Key, IReadOnlyList<int> Items, TaskCompletionSource<IReadOnlyList<string>> Answer)> _calls = [];

        public IReadOnlyList<(string Key, IReadOnlyList<int> Items)> Calls
        {
            get
            {
                lock (_calls)
                {
                    return [.. _calls.Select(c => (c.Key, c.Items))];
                }
            }
        }

        public Task<IReadOnlyList<string>> Call(string key, IReadOnlyList<int> items)
        {
            var answer = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_calls)
            {
                _calls.Add((key, items, answer));
            }

            return answer.Task;
        }

        public void Answer(int call) => Take(call).TrySetResult([.. Calls[call].Items.Select(i => $"{Calls[call].Key}:{i}")]);

        public void Fail(int call, Exception exception) => Take(call).TrySetException(exception);

        public async Task WaitForCalls(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Calls.Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{Calls.Count} calls made, expected {count}");
                await Task.Delay(5);
            }
        }

        private TaskCompletionSource<IReadOnlyList<string>> Take(int call)
        {
            lock (_calls)
            {
                return _calls[call].Answer;
            }
        }
    }

    [Fact]
    public async Task ItemsArrivingWhileACallIsOut_GoTogetherInTheNextCall_EachAnsweredOnItsOwn()
    {
        var receiver = new HeldReceiver();
        var coalescer = new CallCoalescer<string, int, string>(receiver.Call, maxBatch: 10);

        var first = coalescer.Send("EURUSD", 1);
        await receiver.WaitForCalls(1);
        var later = Enumerable.Range(2, 4).Select(i => coalescer.Send("EURUSD", i)).ToList();

        Assert.Equal(4, coalescer.Waiting("EURUSD"));
        Assert.False(first.IsCompleted);
        receiver.Answer(0);
        Assert.Equal("EURUSD:1", await first);
        await receiver.WaitForCalls(2);
        Assert.All(later, t => Assert.False(t.IsCompleted));
        receiver.Answer(1);

        Assert.Equal(["EURUSD:2", "EURUSD:3", "EURUSD:4", "EURUSD:5"], await Task.WhenAll(later));
        Assert.Equal([[1], [2, 3, 4, 5]], receiver.Calls.Select(c => c.Items.ToArray()));
        Assert.Equal((2, 5), (coalescer.Calls, coalescer.Items));
        Assert.Equal(0, coalescer.Waiting("EURUSD"));
    }

    [Fact]
    public async Task EachKeyHasItsOwnCallOut_AndABatchNeverExceedsItsLimit()
    {
        var receiver = new HeldReceiver();
        var coalescer = new CallCoalescer<string, int, string>(receiver.Call, maxBatch: 2);

        var eurusd = coalescer.Send("EURUSD", 1);
        var usdjpy = coalescer.Send("USDJPY", 1);
        await receiver.WaitForCalls(2);
        var queued = new[] { coalescer.Send("EURUSD", 2), coalescer.Send("EURUSD", 3), coalescer.Send("EURUSD", 4) };
        receiver.Answer(receiver.Calls.ToList().FindIndex(c => c.Key == "EURUSD"));
        await receiver.WaitForCalls(3);
        receiver.Answer(2);
        await receiver.WaitForCalls(4);
        receiver.Answer(3);
        receiver.Answer(receiver.Calls.ToList().FindIndex(c => c.Key == "USDJPY"));

        Assert.Equal(["EURUSD:1", "USDJPY:1"], await Task.WhenAll(eurusd, usdjpy));
        Assert.Equal(["EURUSD:2", "EURUSD:3", "EURUSD:4"], await Task.WhenAll(queued));
        Assert.Equal([[1], [2, 3], [4]], receiver.Calls.Where(c => c.Key == "EURUSD").Select(c => c.Items.ToArray()));
    }

    [Fact]
    public async Task AFailedCall_FailsEveryItemItCarried_AndTheNextCallStillGoesOut()
    {
        var receiver = new HeldReceiver();
        var coalescer = new CallCoalescer<string, int, string>(receiver.Call, maxBatch: 10);
        var first = coalescer.Send("EURUSD", 1);
        await receiver.WaitForCalls(1);
        var second = coalescer.Send("EURUSD", 2);
        var third = coalescer.Send("EURUSD", 3);

        receiver.Fail(0, new TimeoutException("the trader did not answer"));
        await receiver.WaitForCalls(2);
        receiver.Fail(1, new InvalidOperationException("storage is down"));
        var after = coalescer.Send("EURUSD", 4);
        await receiver.WaitForCalls(3);
        receiver.Answer(2);

        Assert.Equal("the trader did not answer", (await Assert.ThrowsAsync<TimeoutException>(() => first)).Message);
        Assert.Equal("storage is down", (await Assert.ThrowsAsync<InvalidOperationException>(() => second)).Message);
        Assert.Equal("storage is down", (await Assert.ThrowsAsync<InvalidOperationException>(() => third)).Message);
        Assert.Equal("EURUSD:4", await after);
    }

    [Fact]
    public async Task ACallThatAnswersTheWrongNumberOfItems_FailsThem_RatherThanMisanswering()
    {
        var coalescer = new CallCoalescer<string, int, string>((_, _) => Task.FromResult<IReadOnlyList<string>>(["a", "b"]), maxBatch: 10);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => coalescer.Send("EURUSD", 1));

        Assert.Equal("a call for 1 items answered 2", failure.Message);
    }
}
