using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Spec 5.2.3.1 Single root field: a subscription selects exactly one root field (after
/// collecting fields, so fragments count), and not an introspection field.
/// </summary>
public sealed class SingleFieldSubscriptionsRule(ValidationContext context) : ValidationRule(context)
{
    public override bool Enter(SyntaxNode node)
    {
        if (node is not OperationDefinitionNode { Operation: OperationType.Subscription } operation)
        {
            return node is DocumentNode;
        }

        var subscriptionType = Context.Schema.SubscriptionType;
        if (subscriptionType is null)
        {
            return false;
        }

        var name = operation.Name is null ? "Anonymous Subscription" : $"Subscription \"{operation.Name.Value}\"";
        var fields = new OrderedDictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        CollectFields(subscriptionType, operation.SelectionSet, fields, new HashSet<string>(StringComparer.Ordinal));
        if (fields.Count > 1)
        {
            var extra = new List<SyntaxNode>();
            for (var i = 1; i < fields.Count; i++)
            {
                extra.AddRange(fields.GetAt(i).Value);
            }

            Report($"{name} must select only one top level field.", [.. extra]);
        }

        foreach (var (_, nodes) in fields)
        {
            if (nodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                Report($"{name} must not select an introspection top level field.", [.. nodes]);
            }
        }

        return false;
    }

    /// <summary>CollectFields (spec 6.3.2) with no variables: skip/include are honoured only when literal.</summary>
    private void CollectFields(ObjectType type, SelectionSetNode set, OrderedDictionary<string, List<FieldNode>> fields, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            if (!ShouldInclude(selection.Directives))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.Alias?.Value ?? field.Name.Value;
                    if (!fields.TryGetValue(key, out var list))
                    {
                        list = [];
                        fields[key] = list;
                    }

                    list.Add(field);
                    break;
                case FragmentSpreadNode spread:
                    if (!visited.Add(spread.Name.Value) || Context.GetFragment(spread.Name.Value) is not { } fragment ||
                        !ConditionMatches(fragment.TypeCondition, type))
                    {
                        continue;
                    }

                    CollectFields(type, fragment.SelectionSet, fields, visited);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is not null && !ConditionMatches(inline.TypeCondition, type))
                    {
                        continue;
                    }

                    CollectFields(type, inline.SelectionSet, fields, visited);
                    break;
            }
        }
    }

    private bool ConditionMatches(NamedTypeNode condition, ObjectType type)
    {
        var conditionType = Context.Schema.GetType(condition.Name.Value);
        return ReferenceEquals(conditionType, type) ||
            (conditionType is { IsAbstractType: true } && Context.Schema.IsSubType(conditionType, type));
    }

    private static bool ShouldInclude(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            var condition = directive.Arguments.Count == 1 && directive.Arguments[0].Value is BooleanValueNode b ? b.Value : (bool?)null;
            if (directive.Name.Value == "skip" && condition == true)
            {
                return false;
            }

            if (directive.Name.Value == "include" && condition == false)
            {
                return false;
            }
        }

        return true;
    }
}
