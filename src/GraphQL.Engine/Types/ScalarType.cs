using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// A scalar type (spec 3.5). The base class passes values through unchanged, which suits
/// custom scalars such as JSON; subclasses implement the spec's coercion rules. Coercion
/// failures throw <see cref="ValueCoercionException"/>. Callers handle null before calling.
/// </summary>
public class ScalarType(string name, string? description = null, string? specifiedByUrl = null)
    : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>
    /// Returned by <see cref="ParseLiteral"/> or <see cref="ParseValue"/> to say "not a valid
    /// value" without a specific message (graphql-js's <c>undefined</c> result).
    /// </summary>
    public static readonly object InvalidValue = new();

    public string? SpecifiedByUrl { get; internal set; } = specifiedByUrl;

    /// <summary>Result coercion: a resolver's value to what goes in the response.</summary>
    public virtual object? Serialize(object value) => value;

    /// <summary>Input coercion of a variable value (a CLR primitive or a <c>JsonElement</c>).</summary>
    public virtual object? ParseValue(object value) => RuntimeValues.Normalize(value);

    /// <summary>Input coercion of a literal in the document.</summary>
    public virtual object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null) =>
        RuntimeValues.FromLiteralUntyped(node, variables);
}
