namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>How <see cref="SchemaBuilder.Build"/> treats the result.</summary>
public sealed record SchemaBuildOptions
{
    public static readonly SchemaBuildOptions Default = new();

    /// <summary>
    /// Skip the type system rules of spec section 3 (as graphql-js's <c>assumeValid</c>). For
    /// tests that need a deliberately broken schema; never for a served schema.
    /// </summary>
    public bool AssumeValid { get; init; }
}
