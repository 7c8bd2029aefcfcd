using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.7.1 Directives Are Defined, and 5.7.2 Directives Are In Valid Locations.</summary>
public sealed class KnownDirectivesRule(ValidationContext context) : ValidationRule(context)
{
    private Dictionary<string, IReadOnlyList<string>>? _locations;

    public override bool Enter(SyntaxNode node)
    {
        if (node is not DirectiveNode directive)
        {
            return true;
        }

        if (_locations is null)
        {
            _locations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var definition in Context.Schema.Directives.Values)
            {
                _locations[definition.Name] = definition.Locations;
            }

            foreach (var definition in Context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode defined)
                {
                    _locations[defined.Name.Value] = defined.Locations.Select(l => l.Value).ToList();
                }
            }
        }

        var name = directive.Name.Value;
        if (!_locations.TryGetValue(name, out var locations))
        {
            Report($"Unknown directive \"@{name}\".", directive);
            return true;
        }

        var candidate = LocationOf(Context.Ancestors);
        if (candidate is not null && !locations.Contains(candidate))
        {
            Report($"Directive \"@{name}\" may not be used on {candidate}.", directive);
        }

        return true;
    }

    /// <summary>The directive location the node enclosing a directive stands for.</summary>
    internal static string? LocationOf(IReadOnlyList<SyntaxNode> ancestors)
    {
        var parent = ancestors[^1];
        return parent switch
        {
            OperationDefinitionNode operation => operation.Operation switch
            {
                OperationType.Query => DirectiveLocations.Query,
                OperationType.Mutation => DirectiveLocations.Mutation,
                _ => DirectiveLocations.Subscription,
            },
            FieldNode => DirectiveLocations.Field,
            FragmentSpreadNode => DirectiveLocations.FragmentSpread,
            InlineFragmentNode => DirectiveLocations.InlineFragment,
            FragmentDefinitionNode => DirectiveLocations.FragmentDefinition,
            VariableDefinitionNode => DirectiveLocations.VariableDefinition,
            SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocations.Schema,
            ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocations.Scalar,
            ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocations.Object,
            FieldDefinitionNode => DirectiveLocations.FieldDefinition,
            InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocations.Interface,
            UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocations.Union,
            EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocations.Enum,
            EnumValueDefinitionNode => DirectiveLocations.EnumValue,
            InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocations.InputObject,
            InputValueDefinitionNode => ancestors.Count > 1 && ancestors[^2] is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
                ? DirectiveLocations.InputFieldDefinition
                : DirectiveLocations.ArgumentDefinition,
            _ => null,
        };
    }
}
