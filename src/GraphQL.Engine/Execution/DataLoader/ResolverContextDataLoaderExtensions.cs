namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// <c>ctx.DataLoader("runsByCourse", batch).LoadAsync(id)</c>: the request's loader of that
/// name, created on first use. The batch function should not capture per-parent state: it
/// runs once for the keys of many parents.
/// </summary>
public static class ResolverContextDataLoaderExtensions
{
    public static DataLoader<TKey, TValue> DataLoader<TKey, TValue>(
        this IResolverContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch)
        where TKey : notnull =>
        context.DataLoaders.GetOrAdd(name, batch);

    public static DataLoader<TKey, IReadOnlyList<TValue>> GroupedDataLoader<TKey, TValue>(
        this IResolverContext context,
        string name,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> batch)
        where TKey : notnull =>
        context.DataLoaders.GetOrAddGrouped(name, batch);
}
