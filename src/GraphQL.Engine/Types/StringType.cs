using System.Globalization;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>The built-in String: textual data (spec 3.5.3). Runtime value: <see cref="string"/>.</summary>
public sealed class StringType() : ScalarType("String",
    "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
{
    public override object? Serialize(object value)
    {
        var coerced = RuntimeValues.Normalize(value);
        switch (coerced)
        {
            case string s:
                return s;
            case bool b:
                return b ? "true" : "false";
            case char c:
                return c.ToString();
        }

        if (RuntimeValues.TryGetNumber(coerced, out var number) && double.IsFinite(number))
        {
            return Convert.ToString(coerced, CultureInfo.InvariantCulture);
        }

        throw new ValueCoercionException($"String cannot represent value: {ValueInspector.Inspect(coerced)}");
    }

    public override object? ParseValue(object value)
    {
        var input = RuntimeValues.Normalize(value);
        return input is string s
            ? TextInput.WithoutNul(s, Name)
            : throw new ValueCoercionException($"String cannot represent a non string value: {ValueInspector.Inspect(input)}");
    }

    public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null) =>
        node is StringValueNode s
            ? TextInput.WithoutNul(s.Value, Name)
            : throw new ValueCoercionException($"String cannot represent a non string value: {Printer.Print(node)}");
}
