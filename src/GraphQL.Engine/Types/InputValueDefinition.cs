using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// An argument of a field or directive, or a field of an input object (spec 3.6.1, 3.10).
/// The default value is kept as a constant literal; coercion gives its runtime value.
/// </summary>
public sealed class InputValueDefinition
{
    public InputValueDefinition(string name, GraphQLType type, ValueNode? defaultValue = null, string? description = null)
    {
        Name = name;
        Type = type;
        DefaultValue = defaultValue;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public GraphQLType Type { get; internal set; }

    public ValueNode? DefaultValue { get; internal set; }

    public bool HasDefaultValue => DefaultValue is not null;

    /// <summary>Non-null and without a default: the caller must provide it.</summary>
    public bool IsRequired => Type.IsNonNull && DefaultValue is null;

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public InputValueDefinitionNode? AstNode { get; internal set; }

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; internal set; } = [];

    public override string ToString() => Name;
}
