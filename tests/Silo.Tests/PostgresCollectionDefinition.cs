using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
