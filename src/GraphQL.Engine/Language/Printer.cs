using System.Globalization;
using System.Text;

namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>
/// Prints syntax trees back to GraphQL text in the layout graphql-js's <c>print</c> uses, so
/// values quoted in error messages read the same as the reference implementation's.
/// </summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    public static string Print(SyntaxNode node) => node switch
    {
        NameNode n => n.Value,
        VariableNode n => "$" + n.Name.Value,
        DocumentNode n => Join(n.Definitions.Select(Print), "\n\n"),
        OperationDefinitionNode n => PrintOperation(n),
        VariableDefinitionNode n => Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", n.DefaultValue) +
            Wrap(" ", Join(n.Directives)),
        SelectionSetNode n => Block(n.Selections.Select(Print)),
        FieldNode n => PrintField(n),
        ArgumentNode n => n.Name.Value + ": " + Print(n.Value),
        FragmentSpreadNode n => "..." + n.Name.Value + Wrap(" ", Join(n.Directives)),
        InlineFragmentNode n => Join(["...", Wrap("on ", n.TypeCondition), Join(n.Directives), Print(n.SelectionSet)], " "),
        FragmentDefinitionNode n => "fragment " + n.Name.Value + " on " + n.TypeCondition.Name.Value + " " +
            Wrap(string.Empty, Join(n.Directives), " ") + Print(n.SelectionSet),
        IntValueNode n => n.Value,
        FloatValueNode n => n.Value,
        StringValueNode n => n.Block ? BlockStrings.Print(n.Value) : PrintString(n.Value),
        BooleanValueNode n => n.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode n => n.Value,
        ListValueNode n => "[" + Join(n.Values.Select(Print), ", ") + "]",
        ObjectValueNode n => "{" + Join(n.Fields.Select(Print), ", ") + "}",
        ObjectFieldNode n => n.Name.Value + ": " + Print(n.Value),
        DirectiveNode n => "@" + n.Name.Value + Wrap("(", Join(n.Arguments.Select(Print), ", "), ")"),
        NamedTypeNode n => n.Name.Value,
        ListTypeNode n => "[" + Print(n.Type) + "]",
        NonNullTypeNode n => Print(n.Type) + "!",
        SchemaDefinitionNode n => Description(n.Description) +
            Join(["schema", Join(n.Directives), Block(n.OperationTypes.Select(Print))], " "),
        OperationTypeDefinitionNode n => OperationKeyword(n.Operation) + ": " + n.Type.Name.Value,
        ScalarTypeDefinitionNode n => Description(n.Description) + Join(["scalar", n.Name.Value, Join(n.Directives)], " "),
        ObjectTypeDefinitionNode n => Description(n.Description) + Join(
            ["type", n.Name.Value, Wrap("implements ", Join(n.Interfaces.Select(Print), " & ")), Join(n.Directives),
                Block(n.Fields.Select(Print))], " "),
        FieldDefinitionNode n => Description(n.Description) + n.Name.Value + Arguments(n.Arguments) + ": " +
            Print(n.Type) + Wrap(" ", Join(n.Directives)),
        InputValueDefinitionNode n => Description(n.Description) + Join(
            [n.Name.Value + ": " + Print(n.Type), Wrap("= ", n.DefaultValue), Join(n.Directives)], " "),
        InterfaceTypeDefinitionNode n => Description(n.Description) + Join(
            ["interface", n.Name.Value, Wrap("implements ", Join(n.Interfaces.Select(Print), " & ")),
                Join(n.Directives), Block(n.Fields.Select(Print))], " "),
        UnionTypeDefinitionNode n => Description(n.Description) + Join(
            ["union", n.Name.Value, Join(n.Directives), Wrap("= ", Join(n.Types.Select(Print), " | "))], " "),
        EnumTypeDefinitionNode n => Description(n.Description) + Join(
            ["enum", n.Name.Value, Join(n.Directives), Block(n.Values.Select(Print))], " "),
        EnumValueDefinitionNode n => Description(n.Description) + Join([n.Name.Value, Join(n.Directives)], " "),
        InputObjectTypeDefinitionNode n => Description(n.Description) + Join(
            ["input", n.Name.Value, Join(n.Directives), Block(n.Fields.Select(Print))], " "),
        DirectiveDefinitionNode n => Description(n.Description) + "directive @" + n.Name.Value +
            Arguments(n.Arguments) + (n.Repeatable ? " repeatable" : string.Empty) + " on " +
            Join(n.Locations.Select(Print), " | "),
        SchemaExtensionNode n => Join(["extend schema", Join(n.Directives), Block(n.OperationTypes.Select(Print))], " "),
        ScalarTypeExtensionNode n => Join(["extend scalar", n.Name.Value, Join(n.Directives)], " "),
        ObjectTypeExtensionNode n => Join(
            ["extend type", n.Name.Value, Wrap("implements ", Join(n.Interfaces.Select(Print), " & ")),
                Join(n.Directives), Block(n.Fields.Select(Print))], " "),
        InterfaceTypeExtensionNode n => Join(
            ["extend interface", n.Name.Value, Wrap("implements ", Join(n.Interfaces.Select(Print), " & ")),
                Join(n.Directives), Block(n.Fields.Select(Print))], " "),
        UnionTypeExtensionNode n => Join(
            ["extend union", n.Name.Value, Join(n.Directives), Wrap("= ", Join(n.Types.Select(Print), " | "))], " "),
        EnumTypeExtensionNode n => Join(["extend enum", n.Name.Value, Join(n.Directives), Block(n.Values.Select(Print))], " "),
        InputObjectTypeExtensionNode n => Join(
            ["extend input", n.Name.Value, Join(n.Directives), Block(n.Fields.Select(Print))], " "),
        _ => throw new ArgumentException($"Cannot print a node of kind {node.Kind}.", nameof(node)),
    };

    /// <summary>A string literal with JSON-style escapes, as graphql-js prints it.</summary>
    public static string PrintString(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string OperationKeyword(OperationType operation) => operation switch
    {
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "query",
    };

    private static string PrintOperation(OperationDefinitionNode node)
    {
        var variables = Wrap("(", Join(node.VariableDefinitions.Select(Print), ", "), ")");
        var prefix = Join(
            [OperationKeyword(node.Operation), Join([node.Name is null ? string.Empty : node.Name.Value, variables], string.Empty),
                Join(node.Directives)], " ");
        return (prefix == "query" ? string.Empty : prefix + " ") + Print(node.SelectionSet);
    }

    private static string PrintField(FieldNode node)
    {
        var prefix = (node.Alias is null ? string.Empty : node.Alias.Value + ": ") + node.Name.Value;
        var arguments = node.Arguments.Select(Print).ToList();
        var line = prefix + Wrap("(", Join(arguments, ", "), ")");
        if (line.Length > MaxLineLength)
        {
            line = prefix + Wrap("(\n", Indent(Join(arguments, "\n")), "\n)");
        }

        return Join([line, Join(node.Directives), node.SelectionSet is null ? string.Empty : Print(node.SelectionSet)], " ");
    }

    private static string Arguments(IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var printed = arguments.Select(Print).ToList();
        return printed.Exists(a => a.Contains('\n', StringComparison.Ordinal))
            ? Wrap("(\n", Indent(Join(printed, "\n")), "\n)")
            : Wrap("(", Join(printed, ", "), ")");
    }

    private static string Description(StringValueNode? description) =>
        description is null ? string.Empty : Print(description) + "\n";

    private static string Join(IReadOnlyList<DirectiveNode> directives) => Join(directives.Select(Print), " ");

    private static string Join(IEnumerable<string> parts, string separator)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    private static string Block(IEnumerable<string> items)
    {
        var body = Join(items, "\n");
        return body.Length == 0 ? string.Empty : "{\n" + Indent(body) + "\n}";
    }

    private static string Indent(string text) => text.Length == 0 ? text : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    private static string Wrap(string start, SyntaxNode? node) => node is null ? string.Empty : start + Print(node);

    private static string Wrap(string start, string? text, string end = "") =>
        string.IsNullOrEmpty(text) ? string.Empty : start + text + end;
}
