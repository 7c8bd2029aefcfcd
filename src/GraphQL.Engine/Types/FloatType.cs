using System.Globalization;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>The built-in Float: a finite IEEE 754 double (spec 3.5.2). Runtime value: <see cref="double"/>.</summary>
public sealed class FloatType() : ScalarType("Float",
    "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
{
    public override object? Serialize(object value)
    {
        var coerced = RuntimeValues.Normalize(value);
        if (coerced is bool b)
        {
            return b ? 1.0 : 0.0;
        }

        if (coerced is string s && s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            coerced = parsed;
        }

        if (!RuntimeValues.TryGetNumber(coerced, out var number) || !double.IsFinite(number))
        {
            throw new ValueCoercionException($"Float cannot represent non numeric value: {ValueInspector.Inspect(coerced)}");
        }

        return number;
    }

    public override object? ParseValue(object value)
    {
        var input = RuntimeValues.Normalize(value);
        if (!RuntimeValues.TryGetNumber(input, out var number) || !double.IsFinite(number))
        {
            throw new ValueCoercionException($"Float cannot represent non numeric value: {ValueInspector.Inspect(input)}");
        }

        return number;
    }

    public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null) => node switch
    {
        IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException($"Float cannot represent non numeric value: {Printer.Print(node)}"),
    };
}
