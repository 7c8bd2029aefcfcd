using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Runtime.Tests;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
