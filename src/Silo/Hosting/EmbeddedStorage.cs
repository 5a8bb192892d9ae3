namespace AriaPro.Silo.Hosting;

/// <summary>Where an embedded silo keeps its state (<c>ARIA_STORAGE</c>).</summary>
public enum EmbeddedStorage
{
    /// <summary>SQLite in the data directory: every acknowledged write survives a crash.</summary>
    Durable,

    /// <summary>In the process only: gone when it stops.</summary>
    Memory,
}
