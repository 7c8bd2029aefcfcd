using System.Globalization;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>The built-in Int: a signed 32-bit integer (spec 3.5.1). Runtime value: <see cref="int"/>.</summary>
public sealed class IntType() : ScalarType("Int",
    "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
{
    public override object? Serialize(object value)
    {
        var coerced = RuntimeValues.Normalize(value);
        if (coerced is bool b)
        {
            return b ? 1 : 0;
        }

        if (coerced is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            coerced = parsed;
        }

        if (!RuntimeValues.TryGetNumber(coerced, out var number) || Math.Floor(number) != number || double.IsInfinity(number))
        {
            throw new ValueCoercionException($"Int cannot represent non-integer value: {ValueInspector.Inspect(coerced)}");
        }

        if (number > int.MaxValue || number < int.MinValue)
        {
            throw new ValueCoercionException($"Int cannot represent non 32-bit signed integer value: {ValueInspector.Inspect(coerced)}");
        }

        return (int)number;
    }

    public override object? ParseValue(object value)
    {
        var input = RuntimeValues.Normalize(value);
        if (!RuntimeValues.TryGetNumber(input, out var number) || Math.Floor(number) != number || double.IsInfinity(number))
        {
            throw new ValueCoercionException($"Int cannot represent non-integer value: {ValueInspector.Inspect(input)}");
        }

        if (number > int.MaxValue || number < int.MinValue)
        {
            throw new ValueCoercionException($"Int cannot represent non 32-bit signed integer value: {ValueInspector.Inspect(input)}");
        }

        return (int)number;
    }

    public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null)
    {
        if (node is not IntValueNode literal)
        {
            throw new ValueCoercionException($"Int cannot represent non-integer value: {Printer.Print(node)}");
        }

        if (!int.TryParse(literal.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result))
        {
            throw new ValueCoercionException($"Int cannot represent non 32-bit signed integer value: {literal.Value}");
        }

        return result;
    }
}
