using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL;

/// <summary>
/// One concept's share of the public schema: its SDL (embedded beside it) and the
/// resolvers that serve it. Modules extend the shared roots (<c>extend type Query</c>)
/// so each concept can be read, changed and tested on its own.
/// </summary>
public interface ISchemaModule
{
    void Configure(SchemaBuilder schema);
}
