using System.Globalization;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// The built-in ID: a unique identifier serialized as a string; integers are accepted as
/// input (spec 3.5.5). Runtime value: <see cref="string"/>.
/// </summary>
public sealed class IdType() : ScalarType("ID",
    "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")
{
    public override object? Serialize(object value)
    {
        var coerced = RuntimeValues.Normalize(value);
        return ToId(coerced) ?? throw new ValueCoercionException($"ID cannot represent value: {ValueInspector.Inspect(coerced)}");
    }

    public override object? ParseValue(object value)
    {
        var input = RuntimeValues.Normalize(value);
        return ToId(input) is { } id
            ? TextInput.WithoutNul(id, Name)
            : throw new ValueCoercionException($"ID cannot represent value: {ValueInspector.Inspect(input)}");
    }

    public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null) => node switch
    {
        StringValueNode s => TextInput.WithoutNul(s.Value, Name),
        IntValueNode i => i.Value,
        _ => throw new ValueCoercionException($"ID cannot represent a non-string and non-integer value: {Printer.Print(node)}"),
    };

    private static string? ToId(object? value)
    {
        switch (value)
        {
            case string s:
                return s;
            case Guid g:
                return g.ToString();
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
            case double d when Math.Floor(d) == d && double.IsFinite(d):
                return d.ToString("0", CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }
}
