using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// What execution learns about a schema and the documents run against it, kept for the
/// next request: root selection plans per operation, fragment maps per document, enum
/// result maps and possible-type sets. Weakly keyed, so documents dropped from the
/// HTTP document cache take their plans with them.
/// </summary>
internal sealed class SchemaExecutionCache
{
    private static readonly ConditionalWeakTable<Schema, SchemaExecutionCache> Caches = new();

    private readonly ConditionalWeakTable<OperationDefinitionNode, SelectionPlan> _rootPlans = new();
    private readonly ConditionalWeakTable<DocumentNode, Dictionary<string, FragmentDefinitionNode>> _fragments = new();
    private readonly ConcurrentDictionary<NamedType, HashSet<ObjectType>> _possibleTypes = new();
    private readonly ConcurrentDictionary<EnumType, ConcurrentDictionary<object, string>> _enumNames = new();
    private readonly ConcurrentDictionary<(NamedType Abstract, Type Clr), ObjectType?> _typesByClrName = new();

    private SchemaExecutionCache(Schema schema) => Schema = schema;

    public Schema Schema { get; }

    public static SchemaExecutionCache For(Schema schema) => Caches.GetValue(schema, static s => new SchemaExecutionCache(s));

    public bool TryGetRootPlan(OperationDefinitionNode operation, out SelectionPlan? plan) => _rootPlans.TryGetValue(operation, out plan);

    public void AddRootPlan(OperationDefinitionNode operation, SelectionPlan plan) => _rootPlans.AddOrUpdate(operation, plan);

    public Dictionary<string, FragmentDefinitionNode> FragmentsOf(DocumentNode document) =>
        _fragments.GetValue(document, static d =>
        {
            var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in d.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    fragments.TryAdd(fragment.Name.Value, fragment);
                }
            }

            return fragments;
        });

    public bool IsPossibleType(NamedType abstractType, ObjectType objectType) =>
        _possibleTypes.GetOrAdd(abstractType, t => [.. Schema.GetPossibleTypes(t)]).Contains(objectType);

    /// <summary>Spec 3.9 result coercion: a bound runtime value, a CLR enum member or a value name, to the value's name.</summary>
    public string SerializeEnum(EnumType type, object value)
    {
        var names = _enumNames.GetOrAdd(type, static t =>
        {
            var map = new ConcurrentDictionary<object, string>();
            foreach (var definition in t.Values.Values)
            {
                map.TryAdd(definition.Value, definition.Name);
                map.TryAdd(definition.Name, definition.Name);
            }

            return map;
        });
        if (names.TryGetValue(value, out var name))
        {
            return name;
        }

        if (value is Enum member && type.GetValue(EnumTypeBuilder.ToEnumValueName(member.ToString())) is { } byName)
        {
            names.TryAdd(value, byName.Name);
            return byName.Name;
        }

        // Throws graphql-js's "Enum "X" cannot represent value: ..." error.
        return type.Serialize(value);
    }

    /// <summary>The possible object type named like the value's CLR type, the last resort of type resolution.</summary>
    public ObjectType? TypeByClrName(NamedType abstractType, Type clrType) =>
        _typesByClrName.GetOrAdd((abstractType, clrType), key =>
        {
            foreach (var candidate in Schema.GetPossibleTypes(key.Abstract))
            {
                if (candidate.Name == key.Clr.Name)
                {
                    return candidate;
                }
            }

            return null;
        });
}
