namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// The scalars the spec defines (Int, Float, String, Boolean, ID) and the engine's own strict
/// Date and DateTime. Instances are immutable and shared by every schema.
/// </summary>
public static class SpecifiedScalars
{
    public static readonly IntType Int = new();
    public static readonly FloatType Float = new();
    public static readonly StringType String = new();
    public static readonly BooleanType Boolean = new();
    public static readonly IdType Id = new();

    /// <summary>Not in the spec; bound when a schema declares <c>scalar Date</c>.</summary>
    public static readonly DateType Date = new();

    /// <summary>Not in the spec; bound when a schema declares <c>scalar DateTime</c>.</summary>
    public static readonly DateTimeType DateTime = new();

    /// <summary>The five scalars of the spec, which SDL need not (and printed SDL does not) declare.</summary>
    public static readonly IReadOnlyList<ScalarType> Standard = [Int, Float, String, Boolean, Id];

    public static bool IsStandardName(string name) => name is "Int" or "Float" or "String" or "Boolean" or "ID";

    /// <summary>The engine's implementation of a well-known scalar name, if it has one.</summary>
    public static ScalarType? Find(string name) => name switch
    {
        "Int" => Int,
        "Float" => Float,
        "String" => String,
        "Boolean" => Boolean,
        "ID" => Id,
        "Date" => Date,
        "DateTime" => DateTime,
        _ => null,
    };
}
