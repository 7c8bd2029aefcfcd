namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>What object and interface types share: fields and implemented interfaces.</summary>
public abstract class ComplexType : NamedType
{
    protected ComplexType(string name, string? description)
        : base(name, description)
    {
    }

    /// <summary>The fields in definition order.</summary>
    public IReadOnlyDictionary<string, FieldDefinition> Fields => FieldMap;

    internal OrderedDictionary<string, FieldDefinition> FieldMap { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<InterfaceType> Interfaces => InterfaceList;

    internal List<InterfaceType> InterfaceList { get; } = [];

    public FieldDefinition? GetField(string name) => FieldMap.GetValueOrDefault(name);

    public bool Implements(InterfaceType type) => InterfaceList.Contains(type);
}
