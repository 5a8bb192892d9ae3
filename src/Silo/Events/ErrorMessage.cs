namespace AriaPro.Silo.Events;

/// <summary>Data of the <c>error</c> envelope: why a client's message was not understood.</summary>
public sealed record ErrorMessage(string Message);
