namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>
/// Depth-first walk of a syntax tree in graphql-js's visiting order. <c>enter</c> returns
/// false to skip a node's children (its <c>leave</c> is then not called). Name nodes and
/// descriptions are not visited: no rule needs them.
/// </summary>
public abstract class SyntaxWalker
{
    public void Walk(SyntaxNode node)
    {
        if (!Enter(node))
        {
            return;
        }

        switch (node)
        {
            case DocumentNode n:
                WalkAll(n.Definitions);
                break;
            case OperationDefinitionNode n:
                WalkAll(n.VariableDefinitions);
                WalkAll(n.Directives);
                Walk(n.SelectionSet);
                break;
            case VariableDefinitionNode n:
                Walk(n.Variable);
                Walk(n.Type);
                WalkOptional(n.DefaultValue);
                WalkAll(n.Directives);
                break;
            case SelectionSetNode n:
                WalkAll(n.Selections);
                break;
            case FieldNode n:
                WalkAll(n.Arguments);
                WalkAll(n.Directives);
                WalkOptional(n.SelectionSet);
                break;
            case ArgumentNode n:
                Walk(n.Value);
                break;
            case FragmentSpreadNode n:
                WalkAll(n.Directives);
                break;
            case InlineFragmentNode n:
                WalkOptional(n.TypeCondition);
                WalkAll(n.Directives);
                Walk(n.SelectionSet);
                break;
            case FragmentDefinitionNode n:
                Walk(n.TypeCondition);
                WalkAll(n.Directives);
                Walk(n.SelectionSet);
                break;
            case ListValueNode n:
                WalkAll(n.Values);
                break;
            case ObjectValueNode n:
                WalkAll(n.Fields);
                break;
            case ObjectFieldNode n:
                Walk(n.Value);
                break;
            case DirectiveNode n:
                WalkAll(n.Arguments);
                break;
            case ListTypeNode n:
                Walk(n.Type);
                break;
            case NonNullTypeNode n:
                Walk(n.Type);
                break;
            case SchemaDefinitionNode n:
                WalkAll(n.Directives);
                WalkAll(n.OperationTypes);
                break;
            case SchemaExtensionNode n:
                WalkAll(n.Directives);
                WalkAll(n.OperationTypes);
                break;
            case OperationTypeDefinitionNode n:
                Walk(n.Type);
                break;
            case ScalarTypeDefinitionNode n:
                WalkAll(n.Directives);
                break;
            case ScalarTypeExtensionNode n:
                WalkAll(n.Directives);
                break;
            case ObjectTypeDefinitionNode n:
                WalkAll(n.Interfaces);
                WalkAll(n.Directives);
                WalkAll(n.Fields);
                break;
            case ObjectTypeExtensionNode n:
                WalkAll(n.Interfaces);
                WalkAll(n.Directives);
                WalkAll(n.Fields);
                break;
            case InterfaceTypeDefinitionNode n:
                WalkAll(n.Interfaces);
                WalkAll(n.Directives);
                WalkAll(n.Fields);
                break;
            case InterfaceTypeExtensionNode n:
                WalkAll(n.Interfaces);
                WalkAll(n.Directives);
                WalkAll(n.Fields);
                break;
            case FieldDefinitionNode n:
                WalkAll(n.Arguments);
                Walk(n.Type);
                WalkAll(n.Directives);
                break;
            case InputValueDefinitionNode n:
                Walk(n.Type);
                WalkOptional(n.DefaultValue);
                WalkAll(n.Directives);
                break;
            case UnionTypeDefinitionNode n:
                WalkAll(n.Directives);
                WalkAll(n.Types);
                break;
            case UnionTypeExtensionNode n:
                WalkAll(n.Directives);
                WalkAll(n.Types);
                break;
            case EnumTypeDefinitionNode n:
                WalkAll(n.Directives);
                WalkAll(n.Values);
                break;
            case EnumTypeExtensionNode n:
                WalkAll(n.Directives);
                WalkAll(n.Values);
                break;
            case EnumValueDefinitionNode n:
                WalkAll(n.Directives);
                break;
            case InputObjectTypeDefinitionNode n:
                WalkAll(n.Directives);
                WalkAll(n.Fields);
                break;
            case InputObjectTypeExtensionNode n:
                WalkAll(n.Directives);
                WalkAll(n.Fields);
                break;
            case DirectiveDefinitionNode n:
                WalkAll(n.Arguments);
                break;
        }

        Leave(node);
    }

    protected abstract bool Enter(SyntaxNode node);

    protected abstract void Leave(SyntaxNode node);

    private void WalkOptional(SyntaxNode? node)
    {
        if (node is not null)
        {
            Walk(node);
        }
    }

    private void WalkAll<T>(IReadOnlyList<T> nodes)
        where T : SyntaxNode
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Walk(nodes[i]);
        }
    }
}
