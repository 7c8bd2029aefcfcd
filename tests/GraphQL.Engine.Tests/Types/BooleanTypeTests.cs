using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class BooleanTypeTests
{
    private static readonly BooleanType Boolean = SpecifiedScalars.Boolean;

    [Fact]
    public void Serializes_bools_and_numbers()
    {
        Assert.Equal(true, Boolean.Serialize(true));
        Assert.Equal(false, Boolean.Serialize(0));
    }

    [Fact]
    public void Accepts_only_booleans_as_input()
    {
        Assert.Equal(true, Boolean.ParseLiteral(Parser.ParseValue("true")));
        Assert.Equal(
            "Boolean cannot represent a non boolean value: 1",
            Assert.Throws<ValueCoercionException>(() => Boolean.ParseLiteral(Parser.ParseValue("1"))).Message);
        Assert.Equal(
            "Boolean cannot represent a non boolean value: \"true\"",
            Assert.Throws<ValueCoercionException>(() => Boolean.ParseValue("true")).Message);
    }
}
