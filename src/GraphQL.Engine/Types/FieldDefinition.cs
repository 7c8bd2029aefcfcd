using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>A field of an object or interface type, with its arguments and resolver (spec 3.6.1).</summary>
public sealed class FieldDefinition
{
    public FieldDefinition(string name, GraphQLType type, string? description = null)
    {
        Name = name;
        Type = type;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public GraphQLType Type { get; internal set; }

    public IReadOnlyDictionary<string, InputValueDefinition> Arguments => ArgumentMap;

    internal OrderedDictionary<string, InputValueDefinition> ArgumentMap { get; } = new(StringComparer.Ordinal);

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>How the value is produced; null means "read the property or key of the same name".</summary>
    public FieldResolver? Resolver { get; internal set; }

    public FieldDefinitionNode? AstNode { get; internal set; }

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; internal set; } = [];

    public InputValueDefinition? GetArgument(string name) => ArgumentMap.GetValueOrDefault(name);

    public override string ToString() => Name;
}
