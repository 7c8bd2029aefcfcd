namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>A schema could not be built, or is not a valid type system; every problem found is listed.</summary>
public sealed class SchemaBuildException(IReadOnlyList<SchemaError> errors)
    : Exception("The schema is not valid:\n" + string.Join("\n", errors))
{
    public IReadOnlyList<SchemaError> Errors { get; } = errors;
}
