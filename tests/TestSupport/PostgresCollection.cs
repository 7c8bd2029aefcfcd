namespace InclusionNetwork.TestSupport;

/// <summary>
/// Test classes marked <c>[Collection(PostgresCollection.Name)]</c> share one cluster.
/// xunit discovers collection definitions only in the test assembly itself, so each test
/// project that uses the database declares, once:
/// <code>
/// [CollectionDefinition(PostgresCollection.Name)]
/// public sealed class PostgresCollectionDefinition : ICollectionFixture&lt;PostgresFixture&gt;;
/// </code>
/// </summary>
public static class PostgresCollection
{
    public const string Name = "PostgreSQL";
}
