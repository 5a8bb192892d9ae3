using System.Net.WebSockets;

namespace AriaPro.Silo.Events;

/// <summary>
/// Why a connection ends: the status and reason of the close frame, whether the client was dropped
/// for being slow, and whether the socket is already unusable (no close frame can be sent).
/// </summary>
internal sealed record CloseRequest(WebSocketCloseStatus Status, string Reason, bool Dropped = false, bool SocketLost = false);
