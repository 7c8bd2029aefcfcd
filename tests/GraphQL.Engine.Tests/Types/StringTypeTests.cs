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

    [Fact]
    public void Refuses_a_nul_character_in_values_and_literals_as_bad_user_input()
    {
        var fromValue = Assert.Throws<ValueCoercionException>(() => String.ParseValue("a\0b"));
        var fromLiteral = Assert.Throws<ValueCoercionException>(() => String.ParseLiteral(Parser.ParseValue("\"a\\u0000b\"")));

        Assert.Equal("String cannot represent a value containing the NUL character (U+0000).", fromValue.Message);
        Assert.Equal(fromValue.Message, fromLiteral.Message);
        Assert.Equal("BAD_USER_INPUT", fromValue.Code);
        Assert.Equal("BAD_USER_INPUT", fromLiteral.Code);
        Assert.Equal("a\u0001b", String.ParseValue("a\u0001b"));
    }
}
