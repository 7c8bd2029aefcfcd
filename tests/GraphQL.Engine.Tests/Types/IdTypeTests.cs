using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class IdTypeTests
{
    private static readonly IdType Id = SpecifiedScalars.Id;

    [Fact]
    public void Accepts_strings_and_integers_and_gives_strings()
    {
        Assert.Equal("4", Id.ParseValue(4));
        Assert.Equal("abc", Id.ParseValue("abc"));
        Assert.Equal("4", Id.ParseLiteral(Parser.ParseValue("4")));
        Assert.Equal("12", Id.Serialize(12L));
    }

    [Fact]
    public void Refuses_other_values()
    {
        Assert.Equal("ID cannot represent value: 1.5", Assert.Throws<ValueCoercionException>(() => Id.ParseValue(1.5)).Message);
        Assert.Equal(
            "ID cannot represent a non-string and non-integer value: 1.5",
            Assert.Throws<ValueCoercionException>(() => Id.ParseLiteral(Parser.ParseValue("1.5"))).Message);
    }

    [Fact]
    public void Refuses_a_nul_character_as_bad_user_input()
    {
        Assert.Equal("BAD_USER_INPUT", Assert.Throws<ValueCoercionException>(() => Id.ParseValue("4\0")).Code);
        Assert.Equal("BAD_USER_INPUT", Assert.Throws<ValueCoercionException>(() => Id.ParseLiteral(Parser.ParseValue("\"4\\u0000\""))).Code);
    }
}
