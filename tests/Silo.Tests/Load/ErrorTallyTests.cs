using AriaPro.Load.Running;

namespace AriaPro.Silo.Tests.Load;

[Trait("Category", "Unit")]
public sealed class ErrorTallyTests
{
    [Fact]
    public void Add_CountsByKindAndKeepsTheFirstExample()
    {
        var tally = new ErrorTally();

        tally.Add("HTTP 503", "first");
        tally.Add("HTTP 503", "second");
        tally.Add(new TimeoutException("slow"));
        tally.AddUnanswered(3, TimeSpan.FromSeconds(30));

        var kinds = tally.Snapshot();
        Assert.Equal(6, tally.Total);
        Assert.Equal(new ErrorKind(2, "first"), kinds["HTTP 503"]);
        Assert.Equal(new ErrorKind(1, "slow"), kinds["TimeoutException"]);
        Assert.Equal(3, kinds["unanswered"].Count);
    }
}
