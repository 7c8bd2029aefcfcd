using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class DateTypeTests
{
    private static readonly DateType Date = SpecifiedScalars.Date;

    [Fact]
    public void Round_trips_calendar_dates()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), Date.ParseValue("2024-02-29"));
        Assert.Equal(new DateOnly(2024, 9, 1), Date.ParseLiteral(Parser.ParseValue("\"2024-09-01\"")));
        Assert.Equal("2024-09-01", Date.Serialize(new DateOnly(2024, 9, 1)));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2024-9-1")]
    [InlineData("2024-09-01T00:00:00Z")]
    [InlineData("01/09/2024")]
    [InlineData(" 2024-09-01")]
    public void Refuses_anything_but_an_exact_date(string text) =>
        Assert.Throws<ValueCoercionException>(() => Date.ParseValue(text));
}
