using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class SchemaValidatorTests
{
    private static IReadOnlyList<string> ErrorsOf(string sdl) =>
        SchemaValidator.Validate(SchemaBuilder.FromSdl(sdl, new SchemaBuildOptions { AssumeValid = true })).Select(e => e.Message).ToList();

    [Fact]
    public void Accepts_a_valid_schema() =>
        Assert.Empty(ErrorsOf("interface I { a(x: Int): String } type Query implements I { a(x: Int, y: Int): String }"));

    [Fact]
    public void Requires_a_query_root() =>
        Assert.Contains("Query root type must be provided.", ErrorsOf("type Foo { a: Int }"));

    [Theory]
    [InlineData("type Query { __a: Int }", "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.")]
    [InlineData("type Query { a: Int } type Empty", "Type Empty must define one or more fields.")]
    [InlineData("type Query { a: In } input In { b: Int }", "The type of Query.a must be Output Type but got: In.")]
    [InlineData("type Query { a(b: Query): Int }", "The type of Query.a(b:) must be Input Type but got: Query.")]
    [InlineData("type Query { a(b: Int! @deprecated): Int }", "Required argument Query.a(b:) cannot be deprecated.")]
    [InlineData("type Query { a: U } union U", "Union type U must define one or more member types.")]
    [InlineData("type Query { a: E } enum E", "Enum type E must define one or more values.")]
    [InlineData("type Query { a(i: In): Int } input In", "Input Object type In must define one or more fields.")]
    [InlineData("type Query { a(i: In): Int } input In { b: Query }", "The type of In.b must be Input Type but got: Query.")]
    [InlineData("type Query { a(i: In): Int } input In @oneOf { b: Int! }", "OneOf input field In.b must be nullable.")]
    [InlineData("type Query { a(i: In): Int } input In @oneOf { b: Int = 1 }", "OneOf input field In.b cannot have a default value.")]
    [InlineData("type Query { a(i: A): Int } input A { b: B! } input B { a: A! }",
        "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\".")]
    [InlineData("interface I { a: Int } type Query implements I { b: Int }", "Interface field I.a expected but Query does not provide it.")]
    [InlineData("interface I { a: Int } type Query implements I { a: String }",
        "Interface field I.a expects type Int but Query.a is type String.")]
    [InlineData("interface I { a(x: Int): Int } type Query implements I { a: Int }",
        "Interface field argument I.a(x:) expected but Query.a does not provide it.")]
    [InlineData("interface I { a(x: Int): Int } type Query implements I { a(x: String): Int }",
        "Interface field argument I.a(x:) expects type Int but Query.a(x:) is type String.")]
    [InlineData("interface I { a: Int } type Query implements I { a(y: Int!): Int }",
        "Object field Query.a includes required argument y that is missing from the Interface field I.a.")]
    [InlineData("interface I { a: Int } interface J implements I { a: Int } type Query implements J { a: Int }",
        "Type Query must implement I because it is implemented by J.")]
    public void Reports_type_system_rule_violations(string sdl, string message) => Assert.Contains(message, ErrorsOf(sdl));

    [Fact]
    public void Build_throws_for_an_invalid_schema() =>
        Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl("type Query { a: U } union U"));
}
