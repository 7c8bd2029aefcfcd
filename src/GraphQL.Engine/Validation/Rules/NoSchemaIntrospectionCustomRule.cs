using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Optional, not in spec section 5 (graphql-js ships it as a custom rule): forbids selecting
/// introspection types, for servers that disable introspection.
/// </summary>
public sealed class NoSchemaIntrospectionCustomRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is FieldNode field && Context.Type?.Named is { IsIntrospectionType: true })
        {
            Report($"GraphQL introspection has been disabled, but the requested query contained the field \"{field.Name.Value}\".", field);
        }

        return true;
    }
}
