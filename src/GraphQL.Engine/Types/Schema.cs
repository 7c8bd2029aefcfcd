using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// A complete type system (spec 3.3): root operation types, every named type by name, the
/// directives, and the abstract-type relationships validation and execution ask about.
/// Built by <see cref="SchemaBuilder"/>; immutable once built.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypes = [];
    private readonly Dictionary<InterfaceType, Implementations> _implementations = [];

    internal Schema(
        OrderedDictionary<string, NamedType> types,
        OrderedDictionary<string, DirectiveDefinition> directives,
        ObjectType? query,
        ObjectType? mutation,
        ObjectType? subscription)
    {
        TypeMap = types;
        DirectiveMap = directives;
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        var stringType = (ScalarType)types["String"];
        var schemaType = (ObjectType)types["__Schema"];
        var typeType = (ObjectType)types["__Type"];
        TypeNameMetaField = new FieldDefinition("__typename", stringType.NonNull(), "The name of the current Object type at runtime.");
        SchemaMetaField = new FieldDefinition("__schema", schemaType.NonNull(), "Access the current type schema of this server.");
        TypeMetaField = new FieldDefinition("__type", typeType, "Request the type information of a single type.");
        TypeMetaField.ArgumentMap.Add("name", new InputValueDefinition("name", stringType.NonNull()));
        CollectImplementations();
    }

    public string? Description { get; internal set; }

    public ObjectType? QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    /// <summary>Every named type, in the order the schema's definitions introduced them.</summary>
    public IReadOnlyDictionary<string, NamedType> Types => TypeMap;

    internal OrderedDictionary<string, NamedType> TypeMap { get; }

    public IReadOnlyDictionary<string, DirectiveDefinition> Directives => DirectiveMap;

    internal OrderedDictionary<string, DirectiveDefinition> DirectiveMap { get; }

    public SchemaDefinitionNode? AstNode { get; internal set; }

    public IReadOnlyList<SchemaExtensionNode> ExtensionAstNodes { get; internal set; } = [];

    /// <summary><c>__typename: String!</c>, implicitly on every object, interface and union.</summary>
    public FieldDefinition TypeNameMetaField { get; }

    /// <summary><c>__schema: __Schema!</c>, implicitly on the query root.</summary>
    public FieldDefinition SchemaMetaField { get; }

    /// <summary><c>__type(name: String!): __Type</c>, implicitly on the query root.</summary>
    public FieldDefinition TypeMetaField { get; }

    public NamedType? GetType(string name) => TypeMap.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => DirectiveMap.GetValueOrDefault(name);

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>
    /// The field a selection of <paramref name="fieldName"/> on <paramref name="parentType"/>
    /// means, including the introspection meta fields; null when there is none.
    /// </summary>
    public FieldDefinition? GetField(NamedType parentType, string fieldName)
    {
        if (fieldName == "__typename" && parentType.IsCompositeType)
        {
            return TypeNameMetaField;
        }

        if (ReferenceEquals(parentType, QueryType))
        {
            if (fieldName == "__schema")
            {
                return SchemaMetaField;
            }

            if (fieldName == "__type")
            {
                return TypeMetaField;
            }
        }

        return parentType is ComplexType complex ? complex.GetField(fieldName) : null;
    }

    /// <summary>The object types a value of an abstract type can be at runtime (spec 3.7, 3.8).</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        UnionType union => union.Types,
        InterfaceType @interface => GetImplementations(@interface).Objects,
        ObjectType obj => [obj],
        _ => [],
    };

    /// <summary>The object and interface types that implement an interface.</summary>
    public Implementations GetImplementations(InterfaceType interfaceType) =>
        _implementations.TryGetValue(interfaceType, out var found) ? found : Implementations.None;

    /// <summary>
    /// Whether <paramref name="maybeSubType"/> is a member of the union or an implementation
    /// (object or interface) of the interface <paramref name="abstractType"/>.
    /// </summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType)
    {
        if (!_subTypes.TryGetValue(abstractType, out var set))
        {
            set = [];
            switch (abstractType)
            {
                case UnionType union:
                    foreach (var member in union.Types)
                    {
                        set.Add(member);
                    }

                    break;
                case InterfaceType @interface:
                    var implementations = GetImplementations(@interface);
                    foreach (var obj in implementations.Objects)
                    {
                        set.Add(obj);
                    }

                    foreach (var inner in implementations.Interfaces)
                    {
                        set.Add(inner);
                    }

                    break;
            }

            lock (_subTypes)
            {
                _subTypes[abstractType] = set;
            }
        }

        return set.Contains(maybeSubType);
    }

    private void CollectImplementations()
    {
        foreach (var type in TypeMap.Values)
        {
            if (type is not ComplexType complex)
            {
                continue;
            }

            foreach (var @interface in complex.Interfaces)
            {
                if (!_implementations.TryGetValue(@interface, out var found))
                {
                    found = new Implementations([], []);
                    _implementations[@interface] = found;
                }

                if (complex is ObjectType obj)
                {
                    found.ObjectList.Add(obj);
                }
                else
                {
                    found.InterfaceList.Add((InterfaceType)complex);
                }
            }
        }
    }

    /// <summary>The types implementing one interface, split by kind.</summary>
    public sealed class Implementations
    {
        internal static readonly Implementations None = new([], []);

        internal Implementations(List<ObjectType> objects, List<InterfaceType> interfaces)
        {
            ObjectList = objects;
            InterfaceList = interfaces;
        }

        public IReadOnlyList<ObjectType> Objects => ObjectList;

        public IReadOnlyList<InterfaceType> Interfaces => InterfaceList;

        internal List<ObjectType> ObjectList { get; }

        internal List<InterfaceType> InterfaceList { get; }
    }
}
