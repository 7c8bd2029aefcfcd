using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Execution;

public sealed class DataLoaderTests
{
    private sealed record Parent(int Id, int OwnerId);

    private sealed record Child(int Id, int ParentId);

    private sealed record Owner(int Id, string Name);

    /// <summary>How many times each batch function ran and with which keys.</summary>
    private sealed class Calls
    {
        private readonly List<(string Loader, int[] Keys)> _calls = [];

        public void Record(string loader, IEnumerable<int> keys)
        {
            lock (_calls)
            {
                _calls.Add((loader, keys.ToArray()));
            }
        }

        public IReadOnlyList<int[]> Of(string loader)
        {
            lock (_calls)
            {
                return _calls.Where(c => c.Loader == loader).Select(c => c.Keys).ToList();
            }
        }
    }

    private static Schema BuildSchema(Calls calls) => new SchemaBuilder()
        .Object("Query", t => t
            .Field("parents", "[Parent!]!", f => f.Resolve(_ => Enumerable.Range(1, 20).Select(i => new Parent(i, i % 2)).ToList()))
            .Field("slowParents", "[Parent!]!", f => f.Resolve(async _ =>
            {
                await Task.Delay(10);
                return Enumerable.Range(1, 20).Select(i => new Parent(i, i % 2)).ToList();
            })))
        .Object("Parent", t => t
            .Field("id", "Int!")
            .Field("children", "[Child!]!", f => f.Resolve(async ctx =>
            {
                var loader = ctx.GroupedDataLoader<int, Child>("childrenByParent", async (keys, _) =>
                {
                    calls.Record("children", keys);
                    await Task.Delay(1);
                    return keys.SelectMany(k => new[] { new Child(k * 100 + 1, k), new Child(k * 100 + 2, k) }).ToLookup(c => c.ParentId);
                });
                return await loader.LoadAsync(ctx.Source<Parent>().Id);
            }))
            .Field("owner", "Owner", f => f.Resolve(async ctx =>
                await ctx.DataLoader<int, Owner>("ownerById", (keys, _) =>
                {
                    calls.Record("owners", keys);
                    return Task.FromResult<IReadOnlyDictionary<int, Owner>>(keys.ToDictionary(k => k, k => new Owner(k, "owner " + k)));
                }).LoadAsync(ctx.Source<Parent>().OwnerId))))
        .Object("Child", t => t
            .Field("id", "Int!")
            .Field("toys", "[Int!]!", f => f.Resolve(async ctx =>
            {
                var loader = ctx.GroupedDataLoader<int, int>("toysByChild", (keys, _) =>
                {
                    calls.Record("toys", keys);
                    return Task.FromResult(keys.SelectMany(k => new[] { (k, k * 10) }).ToLookup(p => p.k, p => p.Item2));
                });
                return await loader.LoadAsync(ctx.Source<Child>().Id);
            })))
        .Object("Owner", t => t.Field("id", "Int!").Field("name", "String!"))
        .Build();

    [Fact]
    public async Task Children_of_twenty_parents_cost_one_batch_and_each_nested_level_one_more()
    {
        var calls = new Calls();
        var result = await Executor.ExecuteAsync(BuildSchema(calls), "{ parents { id children { id toys } } }");

        Assert.Empty(result.Errors);
        var keys = Assert.Single(calls.Of("children"));
        Assert.Equal(Enumerable.Range(1, 20), keys);
        Assert.Equal(40, Assert.Single(calls.Of("toys")).Length);
        Assert.Contains("{\"id\":1,\"children\":[{\"id\":101,\"toys\":[1010]},{\"id\":102,\"toys\":[1020]}]}", result.ToJson());
    }

    [Fact]
    public async Task Loads_each_key_once_per_request()
    {
        var calls = new Calls();
        var result = await Executor.ExecuteAsync(BuildSchema(calls), "{ parents { owner { name } } again: parents { owner { id } } }");

        Assert.Empty(result.Errors);
        Assert.Equal([0, 1], Assert.Single(calls.Of("owners")).Order());
    }

    [Fact]
    public async Task Batches_after_an_asynchronous_parent_and_per_request()
    {
        var calls = new Calls();
        var schema = BuildSchema(calls);
        var first = await Executor.ExecuteAsync(schema, "{ slowParents { children { id } } }");
        var second = await Executor.ExecuteAsync(schema, "{ slowParents { children { id } } }");

        Assert.Empty(first.Errors);
        Assert.Equal(first.ToJson(), second.ToJson());
        Assert.Equal(2, calls.Of("children").Count);
        Assert.All(calls.Of("children"), batch => Assert.Equal(20, batch.Length));
    }

    [Fact]
    public async Task A_failing_batch_becomes_the_error_of_every_waiting_field()
    {
        var schema = new SchemaBuilder()
            .Object("Query", t => t.Field("items", "[Item]", f => f.Resolve(_ => new[] { 1, 2 })))
            .Object("Item", t => t.Field("name", "String", f => f.Resolve(async ctx =>
                await ctx.DataLoader<int, string>("names", (_, _) => throw new GraphQLException("Names are unavailable.", "UNAVAILABLE"))
                    .LoadAsync((int)ctx.Source!))))
            .Build();

        var result = await Executor.ExecuteAsync(schema, "{ items { name } }");

        Assert.Equal(["Names are unavailable.", "Names are unavailable."], result.Errors.Select(e => e.Message).ToArray());
        Assert.Equal("{\"items\":[{\"name\":null},{\"name\":null}]}", System.Text.Json.JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Registry_dispatches_on_request_outside_the_executor()
    {
        var registry = new DataLoaderRegistry();
        var batches = 0;
        var loader = registry.GetOrAdd<int, string>("squares", (keys, _) =>
        {
            batches++;
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => (k * k).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
        var loads = new[] { loader.LoadAsync(2), loader.LoadAsync(3), loader.LoadAsync(2) };

        Assert.True(registry.HasQueuedKeys);
        await registry.DispatchAsync();

        Assert.Equal(new[] { "4", "9", "4" }, (await Task.WhenAll(loads)).Select(value => value!));
        Assert.Equal(1, batches);
        Assert.Throws<InvalidOperationException>(() => registry.GetOrAdd<string, string>("squares", (_, _) => throw new InvalidOperationException()));
    }
}
