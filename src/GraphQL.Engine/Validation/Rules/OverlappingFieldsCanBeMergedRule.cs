using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Validation.Rules;

/// <summary>
/// Spec 5.3.2 Field Selection Merging: fields with the same response name must be the same
/// field with the same arguments (unless their parents are different object types, so they
/// can never both apply) and must have shapes that merge. Fragments are compared pairwise
/// once, with the comparisons cached, so the check stays polynomial.
/// </summary>
/// <remarks>
/// Polynomial is still quadratic in the fields sharing a response name, so the work is
/// bounded twice: past <see cref="ValidationContext.MaxFieldComparisons"/> compared pairs the
/// document is refused with its own error, and no list of conflicts grows past the error
/// cap, since no more than that many could be reported (and a nested list only feeds one
/// message). Without both, a few kilobytes of aliases of one field cost hundreds of megabytes.
/// </remarks>
public sealed class OverlappingFieldsCanBeMergedRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<SelectionSetNode, FieldsAndFragments> _cache = [];
    private readonly PairSet _comparedFragmentPairs = new();
    private readonly Dictionary<(FieldMap, string), bool> _comparedFieldsAndFragments = [];
    private long _comparisons;

    public override bool Enter(SyntaxNode node)
    {
        if (node is SelectionSetNode selectionSet)
        {
            foreach (var conflict in FindConflictsWithinSelectionSet(Context.ParentType, selectionSet))
            {
                Report(
                    $"Fields \"{conflict.ResponseName}\" conflict because {ReasonMessage(conflict.Reason)}. Use different aliases on the fields to fetch both if this was intentional.",
                    [.. conflict.Fields1, .. conflict.Fields2]);
            }
        }

        return true;
    }

    private static string ReasonMessage(ConflictReason reason) =>
        reason.Message ?? string.Join(
            " and ",
            reason.SubReasons!.Select(sub => $"subfields \"{sub.ResponseName}\" conflict because " + ReasonMessage(sub.Reason)));

    private List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap, fragmentNames) = GetFieldsAndFragmentNames(parentType, selectionSet);
        CollectConflictsWithin(conflicts, fieldMap);
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, false, fieldMap, fragmentNames[i]);
            for (var j = i + 1; j < fragmentNames.Count; j++)
            {
                CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(
        List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fieldMap, string fragmentName)
    {
        // Remembering which field sets were compared with which fragments is what stops
        // fragments that recurse through fields from being compared forever.
        if (_comparedFieldsAndFragments.TryGetValue((fieldMap, fragmentName), out var comparedExclusive) &&
            (mutuallyExclusive || !comparedExclusive))
        {
            return;
        }

        _comparedFieldsAndFragments[(fieldMap, fragmentName)] = mutuallyExclusive;
        if (Context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }

        var (fieldMap2, referencedFragmentNames) = GetReferencedFieldsAndFragmentNames(fragment);
        if (ReferenceEquals(fieldMap, fieldMap2))
        {
            return;
        }

        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap, fieldMap2);
        foreach (var referenced in referencedFragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap, referenced);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool mutuallyExclusive, string name1, string name2)
    {
        if (name1 == name2 || _comparedFragmentPairs.Has(name1, name2, mutuallyExclusive))
        {
            return;
        }

        _comparedFragmentPairs.Add(name1, name2, mutuallyExclusive);
        if (Context.GetFragment(name1) is not { } fragment1 || Context.GetFragment(name2) is not { } fragment2)
        {
            return;
        }

        var (fieldMap1, referenced1) = GetReferencedFieldsAndFragmentNames(fragment1);
        var (fieldMap2, referenced2) = GetReferencedFieldsAndFragmentNames(fragment2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap1, fieldMap2);
        foreach (var referenced in referenced2)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, referenced);
        }

        foreach (var referenced in referenced1)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, referenced, name2);
        }
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool mutuallyExclusive, NamedType? parentType1, SelectionSetNode set1, NamedType? parentType2, SelectionSetNode set2)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap1, fragmentNames1) = GetFieldsAndFragmentNames(parentType1, set1);
        var (fieldMap2, fragmentNames2) = GetFieldsAndFragmentNames(parentType2, set2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap1, fieldMap2);
        foreach (var name2 in fragmentNames2)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap1, name2);
        }

        foreach (var name1 in fragmentNames1)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap2, name1);
        }

        foreach (var name1 in fragmentNames1)
        {
            foreach (var name2 in fragmentNames2)
            {
                CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, name2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, FieldMap fieldMap)
    {
        if (IsFull(conflicts))
        {
            return;
        }

        foreach (var (responseName, fields) in fieldMap)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                        if (IsFull(conflicts))
                        {
                            return;
                        }
                    }
                }
            }
        }
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fieldMap1, FieldMap fieldMap2)
    {
        if (IsFull(conflicts))
        {
            return;
        }

        foreach (var (responseName, fields1) in fieldMap1)
        {
            if (!fieldMap2.TryGetValue(responseName, out var fields2))
            {
                continue;
            }

            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(mutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                        if (IsFull(conflicts))
                        {
                            return;
                        }
                    }
                }
            }
        }
    }

    /// <summary>One past the error cap: enough for the reports to reach the cap and abort, as they would with every conflict.</summary>
    private bool IsFull(List<Conflict> conflicts) => conflicts.Count > Context.MaxErrors;

    private void CountComparison()
    {
        _comparisons++;
        if ((_comparisons & 255) == 0)
        {
            Context.CancellationToken.ThrowIfCancellationRequested();
        }

        if (Context.MaxFieldComparisons is { } max && _comparisons > max)
        {
            Context.Abort(new ValidationError(
                $"The document has too many fields of the same name to check that they merge: more than {max} comparisons (MaxFieldComparisons). Validation aborted.",
                Array.Empty<SourceLocation>())
            {
                Code = Execution.ErrorCodes.MaxFieldComparisonsExceeded,
            });
        }
    }

    private Conflict? FindConflict(bool parentsMutuallyExclusive, string responseName, FieldAndDefinition field1, FieldAndDefinition field2)
    {
        CountComparison();
        var (parentType1, node1, definition1) = field1;
        var (parentType2, node2, definition2) = field2;

        // Fields on two different object types can never apply to the same object, so they may
        // differ in name and arguments; their shapes must still merge.
        var mutuallyExclusive = parentsMutuallyExclusive ||
            (!ReferenceEquals(parentType1, parentType2) && parentType1 is ObjectType && parentType2 is ObjectType);
        if (!mutuallyExclusive)
        {
            var name1 = node1.Name.Value;
            var name2 = node2.Name.Value;
            if (name1 != name2)
            {
                return new Conflict(responseName, new ConflictReason($"\"{name1}\" and \"{name2}\" are different fields", null), [node1], [node2]);
            }

            if (!SameArguments(node1, node2))
            {
                return new Conflict(responseName, new ConflictReason("they have differing arguments", null), [node1], [node2]);
            }
        }

        var type1 = definition1?.Type;
        var type2 = definition2?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return new Conflict(
                responseName, new ConflictReason($"they return conflicting types \"{type1}\" and \"{type2}\"", null), [node1], [node2]);
        }

        if (node1.SelectionSet is { } set1 && node2.SelectionSet is { } set2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(mutuallyExclusive, type1?.Named, set1, type2?.Named, set2);
            if (conflicts.Count > 0)
            {
                var fields1 = new List<FieldNode> { node1 };
                var fields2 = new List<FieldNode> { node2 };
                var reasons = new List<(string, ConflictReason)>();
                foreach (var conflict in conflicts)
                {
                    reasons.Add((conflict.ResponseName, conflict.Reason));
                    fields1.AddRange(conflict.Fields1);
                    fields2.AddRange(conflict.Fields2);
                }

                return new Conflict(responseName, new ConflictReason(null, reasons), fields1, fields2);
            }
        }

        return null;
    }

    private static bool SameArguments(FieldNode node1, FieldNode node2)
    {
        if (node1.Arguments.Count != node2.Arguments.Count)
        {
            return false;
        }

        foreach (var argument1 in node1.Arguments)
        {
            ArgumentNode? argument2 = null;
            foreach (var candidate in node2.Arguments)
            {
                if (candidate.Name.Value == argument1.Name.Value)
                {
                    argument2 = candidate;
                    break;
                }
            }

            if (argument2 is null || StringifyValue(argument1.Value) != StringifyValue(argument2.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A value printed with object fields in name order, so field order does not matter.</summary>
    private static string StringifyValue(ValueNode value) => Printer.Print(SortValue(value));

    private static ValueNode SortValue(ValueNode value) => value switch
    {
        ObjectValueNode obj => new ObjectValueNode
        {
            Fields = obj.Fields
                .OrderBy(f => f.Name.Value, StringComparer.Ordinal)
                .Select(f => new ObjectFieldNode { Name = f.Name, Value = SortValue(f.Value) })
                .ToList(),
        },
        ListValueNode list => new ListValueNode { Values = list.Values.Select(SortValue).ToList() },
        _ => value,
    };

    /// <summary>Two field types conflict when their list/non-null shapes differ or their leaf types differ.</summary>
    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (type1 is ListType list1)
        {
            return type2 is not ListType list2 || DoTypesConflict(list1.OfType, list2.OfType);
        }

        if (type2 is ListType)
        {
            return true;
        }

        if (type1 is NonNullType nonNull1)
        {
            return type2 is not NonNullType nonNull2 || DoTypesConflict(nonNull1.OfType, nonNull2.OfType);
        }

        if (type2 is NonNullType)
        {
            return true;
        }

        if (type1.IsLeafType || type2.IsLeafType)
        {
            return !ReferenceEquals(type1, type2);
        }

        return false;
    }

    private FieldsAndFragments GetFieldsAndFragmentNames(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_cache.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var fieldMap = new FieldMap(StringComparer.Ordinal);
        var fragmentNames = new List<string>();
        CollectFieldsAndFragmentNames(parentType, selectionSet, fieldMap, fragmentNames);
        var result = new FieldsAndFragments(fieldMap, fragmentNames);
        _cache[selectionSet] = result;
        return result;
    }

    private FieldsAndFragments GetReferencedFieldsAndFragmentNames(FragmentDefinitionNode fragment)
    {
        if (_cache.TryGetValue(fragment.SelectionSet, out var cached))
        {
            return cached;
        }

        var fragmentType = Context.TypeInfo.TypeFromAst(fragment.TypeCondition) as NamedType;
        return GetFieldsAndFragmentNames(fragmentType, fragment.SelectionSet);
    }

    private void CollectFieldsAndFragmentNames(NamedType? parentType, SelectionSetNode selectionSet, FieldMap fieldMap, List<string> fragmentNames)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is ComplexType complex ? complex.GetField(field.Name.Value) : null;
                    var responseName = field.Alias?.Value ?? field.Name.Value;
                    if (!fieldMap.TryGetValue(responseName, out var list))
                    {
                        list = [];
                        fieldMap[responseName] = list;
                    }

                    list.Add(new FieldAndDefinition(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (!fragmentNames.Contains(spread.Name.Value))
                    {
                        fragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is null ? parentType : Context.TypeInfo.TypeFromAst(inline.TypeCondition) as NamedType;
                    CollectFieldsAndFragmentNames(inlineType, inline.SelectionSet, fieldMap, fragmentNames);
                    break;
            }
        }
    }

    private sealed class FieldMap(StringComparer comparer) : OrderedDictionary<string, List<FieldAndDefinition>>(comparer);

    private sealed record FieldAndDefinition(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    private sealed record FieldsAndFragments(FieldMap Fields, List<string> FragmentNames);

    private sealed record ConflictReason(string? Message, List<(string ResponseName, ConflictReason Reason)>? SubReasons);

    private sealed record Conflict(string ResponseName, ConflictReason Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    /// <summary>
    /// Fragment pairs already compared, remembering whether they were compared as mutually
    /// exclusive: a pair compared as not exclusive also covers the exclusive comparison.
    /// </summary>
    private sealed class PairSet
    {
        private readonly Dictionary<(string, string), bool> _data = [];

        public bool Has(string a, string b, bool mutuallyExclusive)
        {
            if (!_data.TryGetValue(Key(a, b), out var stored))
            {
                return false;
            }

            return mutuallyExclusive || mutuallyExclusive == stored;
        }

        public void Add(string a, string b, bool mutuallyExclusive) => _data[Key(a, b)] = mutuallyExclusive;

        private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
    }
}
