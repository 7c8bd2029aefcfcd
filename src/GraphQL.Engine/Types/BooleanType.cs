using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Utilities;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>The built-in Boolean (spec 3.5.4). Runtime value: <see cref="bool"/>.</summary>
public sealed class BooleanType() : ScalarType("Boolean", "The `Boolean` scalar type represents `true` or `false`.")
{
    public override object? Serialize(object value)
    {
        var coerced = RuntimeValues.Normalize(value);
        if (coerced is bool b)
        {
            return b;
        }

        if (RuntimeValues.TryGetNumber(coerced, out var number) && double.IsFinite(number))
        {
            return number != 0;
        }

        throw new ValueCoercionException($"Boolean cannot represent a non boolean value: {ValueInspector.Inspect(coerced)}");
    }

    public override object? ParseValue(object value)
    {
        var input = RuntimeValues.Normalize(value);
        return input is bool b
            ? b
            : throw new ValueCoercionException($"Boolean cannot represent a non boolean value: {ValueInspector.Inspect(input)}");
    }

    public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null) =>
        node is BooleanValueNode b
            ? b.Value
            : throw new ValueCoercionException($"Boolean cannot represent a non boolean value: {Printer.Print(node)}");
}
