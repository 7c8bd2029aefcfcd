using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class IntTypeTests
{
    private static readonly IntType Int = SpecifiedScalars.Int;

    [Fact]
    public void Serializes_integers_bools_and_numeric_strings()
    {
        Assert.Equal(1, Int.Serialize(1L));
        Assert.Equal(1, Int.Serialize(true));
        Assert.Equal(123, Int.Serialize("123"));
        Assert.Equal(2, Int.Serialize(2.0));
    }

    [Fact]
    public void Refuses_fractions_and_values_beyond_32_bits()
    {
        Assert.Equal("Int cannot represent non-integer value: 1.5", Assert.Throws<ValueCoercionException>(() => Int.Serialize(1.5)).Message);
        Assert.Equal(
            "Int cannot represent non 32-bit signed integer value: 2147483648",
            Assert.Throws<ValueCoercionException>(() => Int.ParseValue(2147483648L)).Message);
    }

    [Fact]
    public void Parses_only_numbers_from_variables() =>
        Assert.Equal("Int cannot represent non-integer value: \"1\"", Assert.Throws<ValueCoercionException>(() => Int.ParseValue("1")).Message);

    [Fact]
    public void Parses_int_literals_only()
    {
        Assert.Equal(-7, Int.ParseLiteral(Parser.ParseValue("-7")));
        Assert.Equal(
            "Int cannot represent non-integer value: \"one\"",
            Assert.Throws<ValueCoercionException>(() => Int.ParseLiteral(Parser.ParseValue("\"one\""))).Message);
        Assert.Equal(
            "Int cannot represent non 32-bit signed integer value: 3000000000",
            Assert.Throws<ValueCoercionException>(() => Int.ParseLiteral(Parser.ParseValue("3000000000"))).Message);
    }

    [Fact]
    public void Accepts_json_numbers()
    {
        using var json = System.Text.Json.JsonDocument.Parse("42");
        Assert.Equal(42, Int.ParseValue(json.RootElement));
    }
}
