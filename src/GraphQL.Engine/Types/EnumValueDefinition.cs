using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>One value of an enum type; <see cref="Value"/> is its runtime representation (spec 3.9).</summary>
public sealed class EnumValueDefinition
{
    public EnumValueDefinition(string name, object? value = null, string? description = null)
    {
        Name = name;
        Value = value ?? name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    /// <summary>What resolvers receive and return for this value; the name unless bound to a CLR value.</summary>
    public object Value { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public EnumValueDefinitionNode? AstNode { get; internal set; }

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; internal set; } = [];

    public override string ToString() => Name;
}
