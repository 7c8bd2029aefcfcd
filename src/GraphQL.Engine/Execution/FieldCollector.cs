using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// Spec 6.3.2 CollectFields: flattens fragments that apply to an object type, honours @skip
/// and @include, and groups field nodes by response key in document order.
/// </summary>
internal static class FieldCollector
{
    public static SelectionPlan CollectRoot(OperationExecution execution, ObjectType type, SelectionSetNode selectionSet)
    {
        var groups = new OrderedDictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var dependsOnVariables = false;
        Collect(execution, type, selectionSet, groups, [], ref dependsOnVariables);
        return Build(execution.Schema, type, groups, dependsOnVariables);
    }

    /// <summary>Spec 6.4.3 CollectSubfields: the merged sub-selections of every node of one response key.</summary>
    public static SelectionPlan CollectSubfields(OperationExecution execution, ObjectType type, FieldNode[] nodes)
    {
        var groups = new OrderedDictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var dependsOnVariables = false;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.SelectionSet is { } selectionSet)
            {
                Collect(execution, type, selectionSet, groups, visited, ref dependsOnVariables);
            }
        }

        return Build(execution.Schema, type, groups, dependsOnVariables);
    }

    private static SelectionPlan Build(Schema schema, ObjectType type, OrderedDictionary<string, List<FieldNode>> groups, bool dependsOnVariables)
    {
        var fields = new List<PlannedField>(groups.Count);
        foreach (var (key, nodes) in groups)
        {
            // A field the type does not define is skipped (spec 6.3 ExecuteSelectionSet); validation reports it.
            if (schema.GetField(type, nodes[0].Name.Value) is { } definition)
            {
                fields.Add(new PlannedField(key, [.. nodes], definition, type, schema));
            }
        }

        return new SelectionPlan(type, [.. fields], dependsOnVariables);
    }

    private static void Collect(
        OperationExecution execution,
        ObjectType type,
        SelectionSetNode selectionSet,
        OrderedDictionary<string, List<FieldNode>> groups,
        HashSet<string> visitedFragments,
        ref bool dependsOnVariables)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (selection.Directives.Count > 0 && !ShouldInclude(execution, selection.Directives, ref dependsOnVariables))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.Alias?.Value ?? field.Name.Value;
                    if (!groups.TryGetValue(key, out var group))
                    {
                        group = new List<FieldNode>(1);
                        groups.Add(key, group);
                    }

                    group.Add(field);
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (!visitedFragments.Add(name) ||
                        execution.GetFragment(name) is not { } fragment ||
                        !DoesFragmentTypeApply(execution.Schema, type, fragment.TypeCondition.Name.Value))
                    {
                        continue;
                    }

                    Collect(execution, type, fragment.SelectionSet, groups, visitedFragments, ref dependsOnVariables);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is { } condition && !DoesFragmentTypeApply(execution.Schema, type, condition.Name.Value))
                    {
                        continue;
                    }

                    Collect(execution, type, inline.SelectionSet, groups, visitedFragments, ref dependsOnVariables);
                    break;
            }
        }
    }

    /// <summary>Spec 6.3.2 DoesFragmentTypeApply.</summary>
    private static bool DoesFragmentTypeApply(Schema schema, ObjectType objectType, string typeConditionName) =>
        schema.GetType(typeConditionName) switch
        {
            ObjectType obj => ReferenceEquals(obj, objectType),
            InterfaceType @interface => objectType.Implements(@interface),
            UnionType union => union.Types.Contains(objectType),
            _ => false,
        };

    /// <summary>@skip(if:) and @include(if:) (spec 3.13.1-2); a variable makes the outcome request-specific.</summary>
    private static bool ShouldInclude(OperationExecution execution, IReadOnlyList<DirectiveNode> directives, ref bool dependsOnVariables)
    {
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var condition = ConditionOf(execution, directive, ref dependsOnVariables);
            if (name == "skip" ? condition : !condition)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ConditionOf(OperationExecution execution, DirectiveNode directive, ref bool dependsOnVariables)
    {
        if (directive.Arguments.Count == 1)
        {
            switch (directive.Arguments[0].Value)
            {
                case BooleanValueNode literal:
                    return literal.Value;
                case VariableNode variable:
                    dependsOnVariables = true;
                    if (execution.Variables.TryGetValue(variable.Name.Value, out var value) && value is bool b)
                    {
                        return b;
                    }

                    break;
            }
        }

        // Anything else (missing or null "if") gets graphql-js's argument errors.
        var definition = execution.Schema.GetDirective(directive.Name.Value)!;
        var arguments = ArgumentCoercion.Coerce(definition.Arguments, directive.Arguments, execution.Variables);
        return arguments.TryGetValue("if", out var coerced) && coerced is true;
    }
}
