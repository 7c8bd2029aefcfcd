using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>An enum type (spec 3.9). Values map names to runtime values (the name itself unless bound).</summary>
public sealed class EnumType(string name, string? description = null) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Enum;

    public IReadOnlyDictionary<string, EnumValueDefinition> Values => ValueMap;

    internal OrderedDictionary<string, EnumValueDefinition> ValueMap { get; } = new(StringComparer.Ordinal);

    public EnumValueDefinition? GetValue(string name) => ValueMap.GetValueOrDefault(name);

    /// <summary>Result coercion: the runtime value (or its name) to the value's name.</summary>
    public string Serialize(object value)
    {
        foreach (var definition in ValueMap.Values)
        {
            if (Equals(definition.Value, value))
            {
                return definition.Name;
            }
        }

        if (value is string name && ValueMap.ContainsKey(name))
        {
            return name;
        }

        throw new ValueCoercionException($"Enum \"{Name}\" cannot represent value: {ValueInspector.Inspect(value)}");
    }

    /// <summary>Input coercion of a variable value, which must be one of the names as a string.</summary>
    public object ParseValue(object value)
    {
        var input = RuntimeValues.Normalize(value);
        if (input is not string name)
        {
            throw new ValueCoercionException(
                $"Enum \"{Name}\" cannot represent non-string value: {ValueInspector.Inspect(input)}." + SuggestFor(ValueInspector.Inspect(input)));
        }

        return ValueMap.TryGetValue(name, out var definition)
            ? definition.Value
            : throw new ValueCoercionException($"Value \"{name}\" does not exist in \"{Name}\" enum." + SuggestFor(name));
    }

    /// <summary>Input coercion of a literal, which must be an enum value literal naming one of the values.</summary>
    public object ParseLiteral(ValueNode node)
    {
        if (node is not EnumValueNode literal)
        {
            var printed = Printer.Print(node);
            throw new ValueCoercionException(
                $"Enum \"{Name}\" cannot represent non-enum value: {printed}." + SuggestFor(printed));
        }

        return ValueMap.TryGetValue(literal.Value, out var definition)
            ? definition.Value
            : throw new ValueCoercionException(
                $"Value \"{literal.Value}\" does not exist in \"{Name}\" enum." + SuggestFor(literal.Value));
    }

    private string SuggestFor(string unknown) => DidYouMean.Format(SuggestionList.For(unknown, ValueMap.Keys), "the enum value");
}
