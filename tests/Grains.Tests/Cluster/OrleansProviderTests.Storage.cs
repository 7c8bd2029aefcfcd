using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace InclusionNetwork.Grains.Tests.Cluster;

public sealed partial class OrleansProviderTests
{
    private IGrainStorage Storage(string name) => cluster.Silo.Services.GetRequiredKeyedService<IGrainStorage>(name);

    /// <summary>A state name no other test uses, so its rows can be counted directly.</summary>
    private static string NewStateName() => "notes-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<(long Rows, long NullPayloads)> StoredRowsAsync(string stateName)
    {
        var rows = await ScalarAsync<long>("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = @name", ("name", stateName));
        var nullPayloads = await ScalarAsync<long>("SELECT count(*) FROM OrleansStorage WHERE GrainTypeString = @name AND PayloadBinary IS NULL", ("name", stateName));
        return (rows, nullPayloads);
    }

    private static async Task<GrainState<List<string>>> ReadAsync(IGrainStorage storage, string stateName, GrainId grain)
    {
        var state = new GrainState<List<string>>();
        await storage.ReadStateAsync(stateName, grain, state);
        return state;
    }

    [Fact]
    public async Task A_state_is_written_read_refused_on_a_stale_etag_cleared_keeping_its_row_and_written_again()
    {
        var storage = Storage(OrleansSilo.KeepRowStorage);
        var stateName = NewStateName();
        var grain = ProbeGrain("storage-" + Guid.NewGuid().ToString("N"));

        var nothing = await ReadAsync(storage, stateName, grain);
        Assert.Equal((null, false), (nothing.ETag, nothing.RecordExists));

        var state = new GrainState<List<string>>(["first"]);
        await storage.WriteStateAsync(stateName, grain, state);
        var firstETag = state.ETag;
        Assert.NotNull(firstETag);
        var read = await ReadAsync(storage, stateName, grain);
        Assert.Equal(["first"], read.State);
        Assert.Equal((firstETag, true), (read.ETag, read.RecordExists));

        state.State = ["first", "second"];
        await storage.WriteStateAsync(stateName, grain, state);
        Assert.NotEqual(firstETag, state.ETag);

        // A writer holding the old ETag, or none while the row exists, is refused.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grain, new GrainState<List<string>>(["stale"], firstETag)));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grain, new GrainState<List<string>>(["blind"])));
        Assert.Equal(["first", "second"], (await ReadAsync(storage, stateName, grain)).State);

        var beforeClear = state.ETag;
        await storage.ClearStateAsync(stateName, grain, state);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(beforeClear, state.ETag);
        Assert.Equal((1, 1), await StoredRowsAsync(stateName));
        var cleared = await ReadAsync(storage, stateName, grain);
        Assert.Equal((state.ETag, false), (cleared.ETag, cleared.RecordExists));
        Assert.Empty(cleared.State ?? ["no default state"]);

        // The ETag from before the clear no longer writes; the one from the clear does.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grain, new GrainState<List<string>>(["late"], beforeClear)));
        cleared.State = ["again"];
        await storage.WriteStateAsync(stateName, grain, cleared);
        Assert.Equal(["again"], (await ReadAsync(storage, stateName, grain)).State);
        Assert.Equal((1, 0), await StoredRowsAsync(stateName));
    }

    [Fact]
    public async Task With_delete_on_clear_a_clear_removes_the_row_and_the_next_write_is_a_first_write()
    {
        var storage = Storage(OrleansSilo.DeleteRowStorage);
        var stateName = NewStateName();
        var grain = ProbeGrain("storage-" + Guid.NewGuid().ToString("N"));
        var state = new GrainState<List<string>>(["first"]);
        await storage.WriteStateAsync(stateName, grain, state);
        var firstETag = state.ETag;
        await storage.WriteStateAsync(stateName, grain, state);

        // A clear with a stale ETag is refused and deletes nothing.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(stateName, grain, new GrainState<List<string>>(["first"], firstETag)));
        Assert.Equal((1, 0), await StoredRowsAsync(stateName));

        await storage.ClearStateAsync(stateName, grain, state);
        Assert.Equal((null, false), (state.ETag, state.RecordExists));
        Assert.Equal((0, 0), await StoredRowsAsync(stateName));
        var gone = await ReadAsync(storage, stateName, grain);
        Assert.Equal((null, false), (gone.ETag, gone.RecordExists));

        state.State = ["after delete"];
        await storage.WriteStateAsync(stateName, grain, state);
        Assert.Equal(["after delete"], (await ReadAsync(storage, stateName, grain)).State);
        Assert.Equal((1, 0), await StoredRowsAsync(stateName));
    }

    [Fact]
    public async Task Keys_with_and_without_an_extension_integer_guid_and_long_string_keys_are_separate_rows()
    {
        var storage = Storage(OrleansSilo.KeepRowStorage);
        var stateName = NewStateName();
        var guid = Guid.NewGuid();
        var grains = new Dictionary<string, GrainId>
        {
            ["guid"] = GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateGuidKey(guid)),
            ["guid+ext"] = GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateGuidKey(guid, "ext")),
            ["integer"] = GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateIntegerKey(4711)),
            ["integer+ext"] = GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateIntegerKey(4711, "ext")),
            ["long string"] = ProbeGrain("long-" + new string('s', 1000)),
        };
        foreach (var (label, grain) in grains)
        {
            await storage.WriteStateAsync(stateName, grain, new GrainState<List<string>>([label]));
        }

        foreach (var (label, grain) in grains)
        {
            Assert.Equal([label], (await ReadAsync(storage, stateName, grain)).State);
        }
        Assert.Equal((grains.Count, 0), await StoredRowsAsync(stateName));
    }

    [Fact]
    public async Task Of_racing_first_writes_exactly_one_succeeds_and_one_row_is_left()
    {
        var storage = Storage(OrleansSilo.KeepRowStorage);
        var stateName = NewStateName();
        var grain = ProbeGrain("race-" + Guid.NewGuid().ToString("N"));

        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteStateAsync(stateName, grain, new GrainState<List<string>>([$"writer {i}"]));
                return $"writer {i}";
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(writes, w => w is not null);
        Assert.Equal([winner!], (await ReadAsync(storage, stateName, grain)).State);
        Assert.Equal((1, 0), await StoredRowsAsync(stateName));
    }
}
