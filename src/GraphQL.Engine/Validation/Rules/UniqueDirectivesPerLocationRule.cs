using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Spec 5.7.3 Directives Are Unique Per Location: a non-repeatable directive appears at most
/// once on a node (for types and the schema, across the definition and its extensions).
/// </summary>
public sealed class UniqueDirectivesPerLocationRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);
    private Dictionary<string, bool>? _unique;

    public override bool Enter(SyntaxNode node)
    {
        var directives = node switch
        {
            OperationDefinitionNode n => n.Directives,
            FieldNode n => n.Directives,
            FragmentSpreadNode n => n.Directives,
            InlineFragmentNode n => n.Directives,
            FragmentDefinitionNode n => n.Directives,
            VariableDefinitionNode n => n.Directives,
            SchemaDefinitionNode n => n.Directives,
            SchemaExtensionNode n => n.Directives,
            TypeDefinitionNode n => n.Directives,
            TypeExtensionNode n => n.Directives,
            FieldDefinitionNode n => n.Directives,
            InputValueDefinitionNode n => n.Directives,
            EnumValueDefinitionNode n => n.Directives,
            _ => null,
        };
        if (directives is null || directives.Count == 0)
        {
            return true;
        }

        if (_unique is null)
        {
            _unique = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var definition in Context.Schema.Directives.Values)
            {
                _unique[definition.Name] = !definition.IsRepeatable;
            }

            foreach (var definition in Context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode defined)
                {
                    _unique[defined.Name.Value] = !defined.Repeatable;
                }
            }
        }

        Dictionary<string, DirectiveNode> seen;
        switch (node)
        {
            case SchemaDefinitionNode or SchemaExtensionNode:
                seen = SeenFor("schema");
                break;
            case TypeDefinitionNode type:
                seen = SeenFor(type.Name.Value);
                break;
            case TypeExtensionNode extension:
                seen = SeenFor(extension.Name.Value);
                break;
            default:
                seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
                break;
        }

        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (!_unique.TryGetValue(name, out var isUnique) || !isUnique)
            {
                continue;
            }

            if (seen.TryGetValue(name, out var previous))
            {
                Report($"The directive \"@{name}\" can only be used once at this location.", previous, directive);
            }
            else
            {
                seen[name] = directive;
            }
        }

        return true;
    }

    private Dictionary<string, DirectiveNode> SeenFor(string key)
    {
        if (!_typeDirectives.TryGetValue(key, out var seen))
        {
            seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            _typeDirectives[key] = seen;
        }

        return seen;
    }
}
