using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Grains.Tests;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
