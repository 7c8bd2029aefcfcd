using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class EnumTypeTests
{
    private enum Phase
    {
        Primary,
        SecondarySchool,
    }

    private static EnumType Build() =>
        (EnumType)new SchemaBuilder()
            .Enum<Phase>()
            .Object("Query", t => t.Field("phase", "Phase"))
            .Build()
            .GetType("Phase")!;

    [Fact]
    public void Binds_clr_enum_members_to_upper_snake_case_values()
    {
        var phase = Build();
        Assert.Equal(["PRIMARY", "SECONDARY_SCHOOL"], phase.Values.Keys);
        Assert.Equal(Phase.SecondarySchool, phase.ParseLiteral(Parser.ParseValue("SECONDARY_SCHOOL")));
        Assert.Equal("PRIMARY", phase.Serialize(Phase.Primary));
    }

    [Fact]
    public void Suggests_the_value_meant()
    {
        var phase = Build();
        var error = Assert.Throws<ValueCoercionException>(() => phase.ParseLiteral(Parser.ParseValue("primary")));
        Assert.Equal("Value \"primary\" does not exist in \"Phase\" enum. Did you mean the enum value \"PRIMARY\"?", error.Message);
        var literal = Assert.Throws<ValueCoercionException>(() => phase.ParseLiteral(Parser.ParseValue("\"PRIMARY\"")));
        Assert.Equal("Enum \"Phase\" cannot represent non-enum value: \"PRIMARY\". Did you mean the enum value \"PRIMARY\"?", literal.Message);
    }
}
