namespace InclusionNetwork.GraphQL.Bench;

/// <summary>The in-memory catalogue both engines read: the same values as js/bench.mjs builds.</summary>
internal static class CatalogueData
{
    public static IReadOnlyList<Item> Items { get; } = Build();

    private static Item[] Build()
    {
        var items = new Item[1000];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new Item(
                $"item-{i}",
                $"Item {i}",
                i * 1.5,
                i % 2 == 0,
                [$"tag-{i % 3}", $"tag-{i % 5}", $"tag-{i % 7}"],
                new Category($"cat-{i % 10}", $"Category {i % 10}"),
                [new Variant($"sku-{i}-0", i % 7), new Variant($"sku-{i}-1", i % 5)]);
        }

        return items;
    }

    internal sealed record Item(string Id, string Name, double Price, bool InStock, string[] Tags, Category Category, Variant[] Variants);

    internal sealed record Category(string Id, string Name);

    internal sealed record Variant(string Sku, int Stock);
}
