namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>An input object type; with <c>@oneOf</c>, exactly one field must be given (spec 3.10).</summary>
public sealed class InputObjectType(string name, string? description = null) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.InputObject;

    public IReadOnlyDictionary<string, InputValueDefinition> Fields => FieldMap;

    internal OrderedDictionary<string, InputValueDefinition> FieldMap { get; } = new(StringComparer.Ordinal);

    public bool IsOneOf { get; internal set; }

    public InputValueDefinition? GetField(string name) => FieldMap.GetValueOrDefault(name);
}
