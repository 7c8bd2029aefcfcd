using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class StringTypeTests
{
    private static readonly StringType String = SpecifiedScalars.String;

    [Fact]
    public void Serializes_strings_bools_and_numbers()
    {
        Assert.Equal("a", String.Serialize("a"));
        Assert.Equal("true", String.Serialize(true));
        Assert.Equal("1.5", String.Serialize(1.5));
    }

    [Fact]
    public void Accepts_only_strings_as_input()
    {
        Assert.Equal("String cannot represent a non string value: 1", Assert.Throws<ValueCoercionException>(() => String.ParseValue(1)).Message);
        Assert.Equal(
            "String cannot represent a non string value: 2",
            Assert.Throws<ValueCoercionException>(() => String.ParseLiteral(Parser.ParseValue("2"))).Message);
        Assert.Equal("block", String.ParseLiteral(Parser.ParseValue("\"\"\"block\"\"\"")));
    }
}
