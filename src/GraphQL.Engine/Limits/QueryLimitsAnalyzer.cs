using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Limits;

/// <summary>
/// Measures an operation's depth, aliases and cost (fragments expanded where spread) and
/// reports every limit it breaks. Runs after variable coercion, because a page size may be
/// a variable, and before execution, so an over-limit request costs no resolver calls.
/// </summary>
public static class QueryLimitsAnalyzer
{
    public static IReadOnlyList<GraphQLError> Check(
        Schema schema,
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variables,
        RequestLimits limits)
    {
        if (limits.MaxDepth is null && limits.MaxAliases is null && limits.MaxCost is null)
        {
            return [];
        }

        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }

        var walk = new Measurement(schema, fragments, variables, limits);
        var rootType = schema.GetRootType(operation.Operation);
        var cost = walk.SelectionSet(operation.SelectionSet, rootType, 0);

        var errors = new List<GraphQLError>();
        var location = GraphQLError.LocationsOf(operation);
        if (limits.MaxDepth is { } maxDepth && walk.MaxDepth > maxDepth)
        {
            errors.Add(new GraphQLError(
                $"Query depth {walk.MaxDepth} exceeds the maximum depth of {maxDepth}.", ErrorCodes.MaxDepthExceeded, location));
        }

        if (limits.MaxAliases is { } maxAliases && walk.Aliases > maxAliases)
        {
            errors.Add(new GraphQLError(
                $"Query has {walk.Aliases} aliases, which exceeds the maximum of {maxAliases}.", ErrorCodes.MaxAliasesExceeded, location));
        }

        if (limits.MaxCost is { } maxCost && cost > maxCost)
        {
            var shown = cost >= long.MaxValue / 2 ? "beyond measure" : cost.ToString(System.Globalization.CultureInfo.InvariantCulture);
            errors.Add(new GraphQLError(
                $"Query cost {shown} exceeds the maximum cost of {maxCost}.", ErrorCodes.MaxCostExceeded, location));
        }

        return errors;
    }

    private sealed class Measurement(
        Schema schema,
        Dictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        RequestLimits limits)
    {
        // Costs saturate here rather than overflow on absurd nesting.
        private const long Ceiling = long.MaxValue / 4;

        private readonly HashSet<string> _spreading = new(StringComparer.Ordinal);

        public int MaxDepth { get; private set; }

        public int Aliases { get; private set; }

        public long SelectionSet(SelectionSetNode selectionSet, NamedType? parentType, int depth)
        {
            long cost = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        cost = Add(cost, Field(field, parentType, depth + 1));
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is { } condition ? schema.GetType(condition.Name.Value) : parentType;
                        cost = Add(cost, SelectionSet(inline.SelectionSet, inlineType, depth));
                        break;
                    case FragmentSpreadNode spread:
                        var name = spread.Name.Value;
                        if (fragments.TryGetValue(name, out var fragment) && _spreading.Add(name))
                        {
                            cost = Add(cost, SelectionSet(fragment.SelectionSet, schema.GetType(fragment.TypeCondition.Name.Value), depth));
                            _spreading.Remove(name);
                        }

                        break;
                }
            }

            return cost;
        }

        private long Field(FieldNode node, NamedType? parentType, int depth)
        {
            if (node.Alias is not null)
            {
                Aliases++;
            }

            // Introspection is bounded by the schema's size, not by what the client asks.
            if (node.Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                if (node.SelectionSet is { } introspection)
                {
                    CountAliases(introspection);
                }

                return 0;
            }

            MaxDepth = Math.Max(MaxDepth, depth);
            var definition = parentType is null ? null : schema.GetField(parentType, node.Name.Value);
            long childCost = node.SelectionSet is { } selectionSet
                ? SelectionSet(selectionSet, definition?.Type.Named, depth)
                : 0;
            var cost = Add(1, childCost);
            return definition is not null && IsList(definition.Type) ? Multiply(cost, PageSize(node, definition)) : cost;
        }

        private void CountAliases(SelectionSetNode selectionSet)
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        Aliases += field.Alias is null ? 0 : 1;
                        if (field.SelectionSet is { } inner)
                        {
                            CountAliases(inner);
                        }

                        break;
                    case InlineFragmentNode inline:
                        CountAliases(inline.SelectionSet);
                        break;
                    case FragmentSpreadNode spread:
                        if (fragments.TryGetValue(spread.Name.Value, out var fragment) && _spreading.Add(spread.Name.Value))
                        {
                            CountAliases(fragment.SelectionSet);
                            _spreading.Remove(spread.Name.Value);
                        }

                        break;
                }
            }
        }

        private long PageSize(FieldNode node, FieldDefinition definition)
        {
            foreach (var name in limits.PageSizeArguments)
            {
                if (definition.GetArgument(name) is not { } argument)
                {
                    continue;
                }

                foreach (var given in node.Arguments)
                {
                    if (given.Name.Value == name)
                    {
                        var value = LiteralValues.Coerce(given.Value, argument.Type, variables);
                        if (value is int size)
                        {
                            return Math.Max(size, 0);
                        }
                    }
                }

                if (LiteralValues.DefaultOf(argument) is int declared)
                {
                    return Math.Max(declared, 0);
                }
            }

            return limits.DefaultListSize;
        }

        private static bool IsList(GraphQLType type) => type.Nullable is ListType;

        private static long Add(long a, long b) => Math.Min(a + b, Ceiling);

        private static long Multiply(long a, long b) => b != 0 && a > Ceiling / b ? Ceiling : a * b;
    }
}
