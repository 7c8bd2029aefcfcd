using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Limits;

/// <summary>
/// Measures an operation's depth, aliases and cost (fragments counted wherever spread) and
/// reports the first limit it breaks. Runs after variable coercion, because a page size may
/// be a variable, and before execution, so an over-limit request costs no resolver calls.
/// </summary>
/// <remarks>
/// The work is linear in the document's size, whatever it spreads: each fragment is measured
/// once and its cost, depth and aliases reused at every other spread, so fragments that each
/// spread the next twice cost no more to measure than to parse. The walk stops as soon as a
/// limit is certainly broken, and when the request is cancelled.
/// </remarks>
public static class QueryLimitsAnalyzer
{
    public static IReadOnlyList<GraphQLError> Check(
        Schema schema,
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variables,
        RequestLimits limits,
        CancellationToken cancellationToken = default) =>
        Check(schema, document, operation, variables, limits, out _, cancellationToken);

    /// <summary>
    /// The limits check, also giving the operation's estimated cost (as <see cref="RequestLimits.MaxCost"/>
    /// counts it) so a host can treat expensive operations differently; 0 when an error is returned.
    /// The cost is measured even when every limit is off.
    /// </summary>
    public static IReadOnlyList<GraphQLError> Check(
        Schema schema,
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?> variables,
        RequestLimits limits,
        out long estimatedCost,
        CancellationToken cancellationToken = default)
    {
        var walk = new Measurement(schema, FragmentsOf(document), variables, limits, cancellationToken);
        try
        {
            estimatedCost = walk.Operation(operation.SelectionSet, schema.GetRootType(operation.Operation));
            return [];
        }
        catch (LimitExceededException exceeded)
        {
            estimatedCost = 0;
            return [exceeded.ToError(GraphQLError.LocationsOf(operation))];
        }
    }

    /// <summary>
    /// The aliases of the document's least aliased operation, fragments counted where spread,
    /// or an error when even that one has more than <see cref="RequestLimits.MaxAliases"/>.
    /// Needs neither schema nor variables, so it runs before validation: whichever operation
    /// the request names would be refused anyway, and validation's field-merging check is
    /// quadratic in the fields sharing a response name, which is what aliases multiply.
    /// </summary>
    public static GraphQLError? CheckAliasesBeforeValidation(DocumentNode document, RequestLimits limits, CancellationToken cancellationToken = default)
    {
        if (limits.MaxAliases is not { } maxAliases)
        {
            return null;
        }

        var fragments = FragmentsOf(document);
        var counter = new AliasCounter(fragments, cancellationToken);
        long fewest = long.MaxValue;
        OperationDefinitionNode? first = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode operation)
            {
                first ??= operation;
                fewest = Math.Min(fewest, counter.Count(operation.SelectionSet, maxAliases));
            }
        }

        return first is not null && fewest > maxAliases
            ? new LimitExceededException(LimitKind.Aliases, fewest, maxAliases).ToError(GraphQLError.LocationsOf(first))
            : null;
    }

    private static Dictionary<string, FragmentDefinitionNode> FragmentsOf(DocumentNode document)
    {
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                fragments.TryAdd(fragment.Name.Value, fragment);
            }
        }

        return fragments;
    }

    // Costs and counts saturate here rather than overflow on absurd nesting.
    private const long Ceiling = long.MaxValue / 4;

    private static long Add(long a, long b) => Math.Min(a + b, Ceiling);

    private static long Multiply(long a, long b) => b != 0 && a > Ceiling / b ? Ceiling : a * b;

    private enum LimitKind
    {
        Depth,
        Aliases,
        Cost,
    }

    /// <summary>Unwinds the walk at the first broken limit; <see cref="Reached"/> is a lower bound of the true figure.</summary>
    private sealed class LimitExceededException(LimitKind kind, long reached, long maximum) : Exception
    {
        public long Reached => reached;

        public GraphQLError ToError(IReadOnlyList<SourceLocation> locations)
        {
            var shown = reached >= Ceiling ? "beyond measure" : reached.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return kind switch
            {
                LimitKind.Depth => new GraphQLError(
                    $"Query depth of at least {shown} exceeds the maximum depth of {maximum}.", ErrorCodes.MaxDepthExceeded, locations),
                LimitKind.Aliases => new GraphQLError(
                    $"Query has at least {shown} aliases, which exceeds the maximum of {maximum}.", ErrorCodes.MaxAliasesExceeded, locations),
                _ => new GraphQLError(
                    $"Query cost of at least {shown} exceeds the maximum cost of {maximum}.", ErrorCodes.MaxCostExceeded, locations),
            };
        }
    }

    /// <summary>What a fragment adds wherever it is spread: its cost, its deepest field below the spread, its aliases.</summary>
    private readonly record struct FragmentMeasure(long Cost, int Depth, long Aliases);

    private sealed class Measurement(
        Schema schema,
        Dictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?> variables,
        RequestLimits limits,
        CancellationToken cancellationToken)
    {
        // By fragment and the list size it was spread under: one fragment spread below two connections of different page sizes costs differently.
        private readonly Dictionary<(string Name, long? ListSize), FragmentMeasure> _measured = [];
        private readonly HashSet<string> _spreading = new(StringComparer.Ordinal);
        private readonly AliasCounter _introspectionAliases = new(fragments, cancellationToken);
        private int _maxDepth;
        private long _aliases;

        public long Operation(SelectionSetNode selectionSet, NamedType? rootType) => SelectionSet(selectionSet, rootType, 0, 1, null);

        /// <summary>
        /// The cost of a selection set. <paramref name="multiplier"/> is the product of the page
        /// sizes of the lists above it: its cost times that is part of the operation's cost, so
        /// once that product passes the maximum the operation certainly does. <paramref name="listSize"/>
        /// is the page size of the connection the set belongs to, if it is one: the size of the
        /// lists directly in it (<c>nodes</c>, <c>edges</c>) that give none of their own.
        /// </summary>
        private long SelectionSet(SelectionSetNode selectionSet, NamedType? parentType, int depth, long multiplier, long? listSize)
        {
            long cost = 0;
            foreach (var selection in selectionSet.Selections)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (selection)
                {
                    case FieldNode field:
                        cost = Add(cost, Field(field, parentType, depth + 1, multiplier, listSize));
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is { } condition ? schema.GetType(condition.Name.Value) : parentType;
                        cost = Add(cost, SelectionSet(inline.SelectionSet, inlineType, depth, multiplier, listSize));
                        break;
                    case FragmentSpreadNode spread:
                        cost = Add(cost, Spread(spread.Name.Value, depth, multiplier, listSize));
                        break;
                }

                CheckCost(Multiply(cost, multiplier));
            }

            return cost;
        }

        private long Spread(string name, int depth, long multiplier, long? listSize)
        {
            if (!fragments.TryGetValue(name, out var fragment))
            {
                return 0;
            }

            if (_measured.TryGetValue((name, listSize), out var measure))
            {
                CountAliases(measure.Aliases);
                ReachDepth(depth + measure.Depth);
                return measure.Cost;
            }

            // A fragment spread within itself (only in a document that failed validation)
            // counts nothing the second time round, so the walk ends.
            if (!_spreading.Add(name))
            {
                return 0;
            }

            var outerMaxDepth = _maxDepth;
            var aliasesBefore = _aliases;
            _maxDepth = depth;
            var cost = SelectionSet(fragment.SelectionSet, schema.GetType(fragment.TypeCondition.Name.Value), depth, multiplier, listSize);
            _measured[(name, listSize)] = new FragmentMeasure(cost, _maxDepth - depth, _aliases - aliasesBefore);
            _maxDepth = Math.Max(outerMaxDepth, _maxDepth);
            _spreading.Remove(name);
            return cost;
        }

        private long Field(FieldNode node, NamedType? parentType, int depth, long multiplier, long? connectionListSize)
        {
            if (node.Alias is not null)
            {
                CountAliases(1);
            }

            // Introspection is bounded by the schema's size, not by what the client asks.
            if (node.Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                if (node.SelectionSet is { } introspection)
                {
                    CountAliases(_introspectionAliases.Count(introspection, limits.MaxAliases is { } max ? max - _aliases : Ceiling));
                }

                return 0;
            }

            ReachDepth(depth);
            var definition = parentType is null ? null : schema.GetField(parentType, node.Name.Value);
            var isList = definition is not null && IsList(definition.Type);
            var pageSize = isList ? GivenPageSize(node, definition!) ?? ListSize.Of(definition!) ?? connectionListSize ?? limits.DefaultListSize : 1;
            // A field that is not a list but takes a page size is a connection: directory(first: 100)
            // { nodes { ... } } is a hundred nodes, not the default, though nodes itself says nothing.
            var childListSize = !isList && definition is not null ? GivenPageSize(node, definition) : null;
            long childCost = node.SelectionSet is { } selectionSet
                ? SelectionSet(selectionSet, definition?.Type.Named, depth, Multiply(multiplier, pageSize), childListSize)
                : 0;
            return Multiply(Add(1, childCost), pageSize);
        }

        private void ReachDepth(int depth)
        {
            _maxDepth = Math.Max(_maxDepth, depth);
            if (limits.MaxDepth is { } max && depth > max)
            {
                throw new LimitExceededException(LimitKind.Depth, depth, max);
            }
        }

        private void CountAliases(long count)
        {
            _aliases = Add(_aliases, count);
            if (limits.MaxAliases is { } max && _aliases > max)
            {
                throw new LimitExceededException(LimitKind.Aliases, _aliases, max);
            }
        }

        private void CheckCost(long atLeast)
        {
            if (limits.MaxCost is { } max && atLeast > max)
            {
                throw new LimitExceededException(LimitKind.Cost, atLeast, max);
            }
        }

        /// <summary>The page size the field's arguments give (or their declared defaults), if it takes one.</summary>
        private long? GivenPageSize(FieldNode node, FieldDefinition definition)
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
                            return Math.Clamp(size, 0, limits.MaxPageSize ?? int.MaxValue);
                        }
                    }
                }

                if (LiteralValues.DefaultOf(argument) is int declared)
                {
                    return Math.Max(declared, 0);
                }
            }

            return null;
        }

        private static bool IsList(GraphQLType type) => type.Nullable is ListType;
    }

    /// <summary>Aliases below a selection set, fragments counted where spread and each fragment counted once.</summary>
    private sealed class AliasCounter(Dictionary<string, FragmentDefinitionNode> fragments, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, long> _counted = new(StringComparer.Ordinal);
        private readonly HashSet<string> _spreading = new(StringComparer.Ordinal);

        /// <summary>The aliases below the set; stops counting once past <paramref name="stopAbove"/>.</summary>
        public long Count(SelectionSetNode selectionSet, long stopAbove)
        {
            long count = 0;
            foreach (var selection in selectionSet.Selections)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (selection)
                {
                    case FieldNode field:
                        count = Add(count, field.Alias is null ? 0 : 1);
                        if (field.SelectionSet is { } inner)
                        {
                            count = Add(count, Count(inner, stopAbove - count));
                        }

                        break;
                    case InlineFragmentNode inline:
                        count = Add(count, Count(inline.SelectionSet, stopAbove - count));
                        break;
                    case FragmentSpreadNode spread:
                        count = Add(count, Spread(spread.Name.Value, stopAbove - count));
                        break;
                }

                if (count > stopAbove)
                {
                    return count;
                }
            }

            return count;
        }

        private long Spread(string name, long stopAbove)
        {
            if (_counted.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!fragments.TryGetValue(name, out var fragment) || !_spreading.Add(name))
            {
                return 0;
            }

            // Counted in full (no early stop), so the figure can be reused at every spread.
            var count = Count(fragment.SelectionSet, Ceiling);
            _spreading.Remove(name);
            _counted[name] = count;
            return count;
        }
    }
}
