using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>Syntax node helpers the code-first builders share.</summary>
internal static class InputValues
{
    public static InputValueDefinitionNode Definition(string name, string type, string? defaultValue, string? description) => new()
    {
        Name = new NameNode { Value = name },
        Type = Parser.ParseType(type),
        DefaultValue = defaultValue is null ? null : Parser.ParseConstValue(defaultValue),
        Description = Description(description),
    };

    public static StringValueNode? Description(string? description) =>
        description is null ? null : new StringValueNode { Value = description, Block = description.Contains('\n', StringComparison.Ordinal) };

    public static IReadOnlyList<DirectiveNode> Deprecation(string? reason)
    {
        if (reason is null)
        {
            return [];
        }

        IReadOnlyList<ArgumentNode> arguments = reason == SpecifiedDirectives.DefaultDeprecationReason
            ? []
            : [new ArgumentNode { Name = new NameNode { Value = "reason" }, Value = new StringValueNode { Value = reason } }];
        return [new DirectiveNode { Name = new NameNode { Value = "deprecated" }, Arguments = arguments }];
    }

    public static IReadOnlyList<NamedTypeNode> Named(IEnumerable<string> names)
    {
        var list = new List<NamedTypeNode>();
        foreach (var name in names)
        {
            list.Add(new NamedTypeNode { Name = new NameNode { Value = name } });
        }

        return list;
    }
}
