namespace AriaPro.Silo.Events;

/// <summary>Data of the <c>subscribed</c> envelope: the types subscribed after a change.</summary>
public sealed record SubscribedMessage(IReadOnlyList<string> Types);
