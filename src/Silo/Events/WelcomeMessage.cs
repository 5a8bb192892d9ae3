namespace AriaPro.Silo.Events;

/// <summary>Data of the <c>welcome</c> envelope: the silo the client is connected to and its subscription.</summary>
public sealed record WelcomeMessage(string Silo, IReadOnlyList<string> Types);
