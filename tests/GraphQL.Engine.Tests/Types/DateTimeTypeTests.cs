using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class DateTimeTypeTests
{
    private static readonly DateTimeType DateTime = SpecifiedScalars.DateTime;

    [Theory]
    [InlineData("2024-09-01T09:30:00Z", 0)]
    [InlineData("2024-09-01T09:30:00.123+01:00", 60)]
    [InlineData("2024-09-01T09:30:00-05:30", -330)]
    public void Parses_instants_with_an_offset(string text, int offsetMinutes)
    {
        var instant = Assert.IsType<DateTimeOffset>(DateTime.ParseValue(text));
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), instant.Offset);
    }

    [Theory]
    [InlineData("2024-09-01T09:30:00")]
    [InlineData("2024-09-01 09:30:00Z")]
    [InlineData("2024-09-01")]
    [InlineData("2024-13-01T09:30:00Z")]
    [InlineData("2024-09-01T09:30:00+0100")]
    public void Refuses_times_without_a_strict_offset(string text) =>
        Assert.Throws<ValueCoercionException>(() => DateTime.ParseValue(text));

    [Fact]
    public void Serializes_with_the_offset()
    {
        var instant = new DateTimeOffset(2024, 9, 1, 9, 30, 0, TimeSpan.FromHours(1));
        Assert.Equal("2024-09-01T09:30:00+01:00", DateTime.Serialize(instant));
        Assert.Throws<ValueCoercionException>(() => DateTime.Serialize(new System.DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)));
    }
}
