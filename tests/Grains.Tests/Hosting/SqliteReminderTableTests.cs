using AriaPro.Grains.Hosting;

namespace AriaPro.Grains.Tests.Hosting;

[Trait("Category", "Unit")]
public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    private static readonly DateTime StartAt = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);
    private static readonly GrainId Grain = GrainId.Create("trader", "EURUSD");
    private readonly SqliteFolder _folder = new();
    private SqliteReminderTable _table = null!;

    public async Task InitializeAsync()
    {
        _table = new SqliteReminderTable(_folder.Options);
        await _table.StartAsync();
    }

    public Task DisposeAsync()
    {
        _table.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReadRow_NothingStored_ReturnsNull()
    {
        var row = await _table.ReadRow(Grain, "rollover");

        Assert.Null(row);
    }

    [Fact]
    public async Task UpsertRow_ThenReadRow_ReturnsTheEntryWithTheReturnedETag()
    {
        var etag = await _table.UpsertRow(Entry(Grain, "rollover", TimeSpan.FromMinutes(5)));

        var row = await _table.ReadRow(Grain, "rollover");

        Assert.NotNull(row);
        Assert.Equal(Grain, row.GrainId);
        Assert.Equal("rollover", row.ReminderName);
        Assert.Equal(StartAt, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.NotNull(etag);
        Assert.Equal(etag, row.ETag);
    }

    [Fact]
    public async Task UpsertRow_SameGrainAndName_ReplacesTheEntryWithANewETag()
    {
        var first = await _table.UpsertRow(Entry(Grain, "rollover", TimeSpan.FromMinutes(5)));

        var second = await _table.UpsertRow(Entry(Grain, "rollover", TimeSpan.FromMinutes(10)));
        var rows = await _table.ReadRows(Grain);

        Assert.NotEqual(first, second);
        var row = Assert.Single(rows.Reminders);
        Assert.Equal(TimeSpan.FromMinutes(10), row.Period);
        Assert.Equal(second, row.ETag);
    }

    [Fact]
    public async Task RemoveRow_WithTheCurrentETag_RemovesTheEntry()
    {
        var etag = await _table.UpsertRow(Entry(Grain, "rollover", TimeSpan.FromMinutes(5)));

        var removed = await _table.RemoveRow(Grain, "rollover", etag!);

        Assert.True(removed);
        Assert.Null(await _table.ReadRow(Grain, "rollover"));
    }

    [Theory]
    [InlineData("stale")]
    [InlineData("0")]
    public async Task RemoveRow_WithAnotherETag_ReturnsFalseAndKeepsTheEntry(string etag)
    {
        var current = await _table.UpsertRow(Entry(Grain, "rollover", TimeSpan.FromMinutes(5)));

        var removed = await _table.RemoveRow(Grain, "rollover", etag);

        Assert.False(removed);
        Assert.Equal(current, (await _table.ReadRow(Grain, "rollover"))?.ETag);
    }

    [Fact]
    public async Task RemoveRow_NothingStored_ReturnsFalse()
    {
        var removed = await _table.RemoveRow(Grain, "rollover", "1");

        Assert.False(removed);
    }

    [Fact]
    public async Task ReadRows_Grain_ReturnsThatGrainsRemindersOnly()
    {
        var other = GrainId.Create("trader", "GBPUSD");
        await _table.UpsertRow(Entry(Grain, "rollover", TimeSpan.FromMinutes(5)));
        await _table.UpsertRow(Entry(Grain, "snapshot", TimeSpan.FromMinutes(1)));
        await _table.UpsertRow(Entry(other, "rollover", TimeSpan.FromMinutes(5)));

        var rows = await _table.ReadRows(Grain);

        Assert.Equal(["rollover", "snapshot"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(Grain, r.GrainId));
    }

    [Fact]
    public async Task ReadRows_BeginBelowEnd_ReturnsHashesAboveBeginUpToEnd()
    {
        var grains = await StoreRing();

        var rows = await _table.ReadRows(Hash(grains[3]), Hash(grains[7]));

        Assert.Equal(grains[4..8], Grains(rows));
    }

    [Fact]
    public async Task ReadRows_BeginAboveEnd_WrapsAroundTheRing()
    {
        var grains = await StoreRing();

        var rows = await _table.ReadRows(Hash(grains[15]), Hash(grains[2]));

        Assert.Equal([.. grains[..3], .. grains[16..]], Grains(rows));
    }

    [Fact]
    public async Task ReadRows_BeginEqualToEnd_ReturnsTheWholeRing()
    {
        var grains = await StoreRing();

        var rows = await _table.ReadRows(Hash(grains[5]), Hash(grains[5]));

        Assert.Equal(grains, Grains(rows));
    }

    [Fact]
    public async Task ReadRows_FullRangeFromZero_ReturnsEveryHashAboveZero()
    {
        var grains = await StoreRing();

        var rows = await _table.ReadRows(0, uint.MaxValue);

        Assert.Equal(grains, Grains(rows));
    }

    [Fact]
    public async Task UpsertRow_ThenANewTableOnTheFile_ReadsTheEntry()
    {
        var etag = await _table.UpsertRow(Entry(Grain, "rollover", TimeSpan.FromMinutes(5)));
        _table.Dispose();

        _table = new SqliteReminderTable(_folder.Options);
        await _table.StartAsync();
        var row = await _table.ReadRow(Grain, "rollover");

        Assert.Equal(etag, row?.ETag);
        Assert.Equal(StartAt, row?.StartAt);
    }

    [Fact]
    public async Task TestOnlyClearTable_RemovesEveryEntry()
    {
        await StoreRing();

        await _table.TestOnlyClearTable();

        Assert.Empty((await _table.ReadRows(0, 0)).Reminders);
    }

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = StartAt, Period = period };

    private static uint Hash(GrainId grain) => grain.GetUniformHashCode();

    private static List<GrainId> Grains(ReminderTableData rows) => [.. rows.Reminders.Select(r => r.GrainId).OrderBy(Hash)];

    // Twenty grains stored, in the order of their hashes, which spread over the whole ring.
    private async Task<List<GrainId>> StoreRing()
    {
        var grains = Enumerable.Range(0, 20).Select(i => GrainId.Create("trader", $"ring-{i}")).OrderBy(Hash).ToList();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, "tick", TimeSpan.FromMinutes(1)));
        }

        Assert.Equal(grains.Count, grains.Select(Hash).Distinct().Count());
        Assert.True(Hash(grains[0]) > 0 && Hash(grains[^1]) > int.MaxValue, "the hashes should cover both halves of the ring");
        return grains;
    }
}
