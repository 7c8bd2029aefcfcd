using InclusionNetwork.TestSupport;

namespace InclusionNetwork.GraphQL.Tests;

[CollectionDefinition(PostgresCollection.Name)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
