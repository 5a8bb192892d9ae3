namespace AriaPro.Grains.Hosting;

/// <summary>A write or a clear of one record, waiting in <see cref="SqliteGrainStorage"/>'s queue for the next group commit.</summary>
internal sealed class PendingStateWrite(string stateName, string grainId, byte[]? data, string? expectedETag, long? expiresAt = null, long now = long.MinValue)
{
    /// <summary>When the record leaves storage (UTC ticks), or null to keep it; see <see cref="StorageExpiry"/>.</summary>
    public long? ExpiresAt { get; } = expiresAt;

    /// <summary>The writer's now (UTC ticks): a record that expired by then counts as absent.</summary>
    public long Now { get; } = now;

    /// <summary>The state's name.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The grain's id, as text.</summary>
    public string GrainId { get; } = grainId;

    /// <summary>The serialized state to store, or null to clear the record.</summary>
    public byte[]? Data { get; } = data;

    /// <summary>The ETag the caller read, which the record must still have (null: no record).</summary>
    public string? ExpectedETag { get; } = expectedETag;

    /// <summary>Set by the writer when the record's ETag was not <see cref="ExpectedETag"/>: the ETag it found, "none" for no record.</summary>
    public string? RefusedOver { get; set; }

    /// <summary>The ETag the commit gives the record; null after a clear.</summary>
    public string? NewETag { get; set; }

    /// <summary>Completes with <see cref="NewETag"/> once the commit is on disk, or fails.</summary>
    public TaskCompletionSource<string?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
