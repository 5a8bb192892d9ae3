using System.Text;
using AriaPro.Silo.Events;

namespace AriaPro.Silo.Tests.Events;

[Trait("Category", "Unit")]
public sealed class SubscriptionMessageTests
{
    [Fact]
    public void TryParse_SubscribeAndUnsubscribe_AppliesBoth()
    {
        var message = SubscriptionMessage.TryParse(Encoding.UTF8.GetBytes("""{"subscribe":["system_alert"],"unsubscribe":["order_update"]}"""), out var error);
        var before = EventTypeSet.TryParse(["order_update", "circuit_breaker"], out _)!.Value;

        var after = message!.ApplyTo(before);

        Assert.Null(error);
        Assert.Equal(["system_alert", "circuit_breaker"], after.Names());
    }

    [Theory]
    [InlineData("{}", "neither")]
    [InlineData("""{"subscribe":["nope"]}""", "'nope'")]
    [InlineData("""{"subscribe":[1]}""", "array of event type names")]
    [InlineData("""{"other":[]}""", "'other'")]
    [InlineData("[]", "JSON object")]
    [InlineData("{", "not JSON")]
    [InlineData("""{"subscribe":["\ud800"]}""", "array of event type names")]
    [InlineData("""{"\ud800":[]}""", "surrogate")]
    public void TryParse_Malformed_NullWithReason(string json, string reason)
    {
        var message = SubscriptionMessage.TryParse(Encoding.UTF8.GetBytes(json), out var error);

        Assert.Null(message);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void EventTypeSet_All_NamesEveryTypeInOrder()
    {
        var names = EventTypeSet.All.Names();

        Assert.Equal(EventTypes.All, names);
        Assert.Empty(EventTypeSet.None.Names());
    }
}
