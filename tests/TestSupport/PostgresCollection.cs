namespace InclusionNetwork.TestSupport;

/// <summary>
/// Test classes marked <c>[Collection(PostgresCollection.Name)]</c> share one cluster; a project
/// whose database tests are many may split them over a second server,
/// <c>[Collection(PostgresCollection.Second)]</c>, which xunit runs beside the first.
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

    public const string Second = "PostgreSQL, second server";
}
