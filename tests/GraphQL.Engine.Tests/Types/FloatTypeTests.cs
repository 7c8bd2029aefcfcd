using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class FloatTypeTests
{
    private static readonly FloatType Float = SpecifiedScalars.Float;

    [Fact]
    public void Accepts_ints_and_floats()
    {
        Assert.Equal(1.0, Float.ParseValue(1));
        Assert.Equal(2.5, Float.ParseLiteral(Parser.ParseValue("2.5")));
        Assert.Equal(3.0, Float.ParseLiteral(Parser.ParseValue("3")));
    }

    [Fact]
    public void Refuses_non_numbers()
    {
        Assert.Equal("Float cannot represent non numeric value: \"x\"", Assert.Throws<ValueCoercionException>(() => Float.ParseValue("x")).Message);
        Assert.Equal("Float cannot represent non numeric value: NaN", Assert.Throws<ValueCoercionException>(() => Float.Serialize(double.NaN)).Message);
        Assert.Equal(
            "Float cannot represent non numeric value: \"1\"",
            Assert.Throws<ValueCoercionException>(() => Float.ParseLiteral(Parser.ParseValue("\"1\""))).Message);
    }
}
