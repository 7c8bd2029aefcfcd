using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;

/// <summary>
/// Half of this project's database tests run on a second server, beside the first: each
/// test class makes its own databases either way, and one collection alone left a core idle.
/// </summary>
[CollectionDefinition(PostgresCollection.Second)]
public sealed class SecondPostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
