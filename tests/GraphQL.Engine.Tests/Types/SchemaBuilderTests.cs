using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class SchemaBuilderTests
{
    private const string Sdl = """
        schema { query: Root }
        interface Node { id: ID! }
        interface Named implements Node { id: ID! name: String }
        type School implements Node & Named { id: ID! name: String opened: Date phase: Phase }
        type Root { school(urn: ID!): School node(id: ID!): Node search: [Result!]! }
        union Result = School
        enum Phase { PRIMARY SECONDARY @deprecated(reason: "use another") }
        input Filter @oneOf { name: String urn: ID }
        scalar Date
        extend type Root { schools(filter: Filter, first: Int = 10): [School!]! }
        extend enum Phase { SPECIAL }
        """;

    [Fact]
    public void Builds_from_sdl_with_extensions()
    {
        var schema = SchemaBuilder.FromSdl(Sdl);
        Assert.Equal("Root", schema.QueryType!.Name);
        Assert.Null(schema.MutationType);
        var root = schema.QueryType;
        Assert.Equal(["school", "node", "search", "schools"], root.Fields.Keys);
        Assert.Equal("[School!]!", root.Fields["schools"].Type.ToString());
        Assert.Equal("10", root.Fields["schools"].Arguments["first"].DefaultValue!.ToString());
        var phase = (EnumType)schema.GetType("Phase")!;
        Assert.Equal(["PRIMARY", "SECONDARY", "SPECIAL"], phase.Values.Keys);
        Assert.Equal("use another", phase.Values["SECONDARY"].DeprecationReason);
        Assert.True(((InputObjectType)schema.GetType("Filter")!).IsOneOf);
        Assert.Same(SpecifiedScalars.Date, schema.GetType("Date"));
        Assert.Same(SpecifiedScalars.Id, schema.GetType("ID"));
        Assert.Null(schema.GetType("Float"));
        Assert.NotNull(schema.GetType("__Schema"));
        Assert.NotNull(schema.GetDirective("skip"));
    }

    [Fact]
    public void Knows_possible_types_and_subtypes()
    {
        var schema = SchemaBuilder.FromSdl(Sdl);
        var node = (InterfaceType)schema.GetType("Node")!;
        var named = (InterfaceType)schema.GetType("Named")!;
        var school = (ObjectType)schema.GetType("School")!;
        Assert.Equal([school], schema.GetPossibleTypes(node));
        Assert.True(schema.IsSubType(node, named));
        Assert.True(schema.IsSubType(node, school));
        Assert.True(schema.IsSubType(schema.GetType("Result")!, school));
        Assert.False(schema.IsSubType(named, node));
    }

    [Fact]
    public void Builds_code_first_with_resolvers()
    {
        var schema = new SchemaBuilder()
            .Object("Query", t => t
                .Field("hello", "String!", f => f.Resolve(_ => "world"))
                .Field("school", "School", f => f.Argument("urn", "ID!").Resolve(async ctx =>
                {
                    await Task.Yield();
                    return new { Urn = ctx.Argument<string>("urn") };
                })))
            .Object("School", t => t.Description("A school.").Field("urn", "ID!").Field("old", "String", f => f.Deprecated("gone")))
            .Build();
        var hello = schema.QueryType!.Fields["hello"];
        Assert.Equal("String!", hello.Type.ToString());
        Assert.NotNull(hello.Resolver);
        Assert.Equal("ID!", schema.QueryType.Fields["school"].Arguments["urn"].Type.ToString());
        Assert.Equal("gone", ((ObjectType)schema.GetType("School")!).Fields["old"].DeprecationReason);
        Assert.Equal("A school.", schema.GetType("School")!.Description);
    }

    [Fact]
    public async Task Binds_resolvers_to_sdl_fields()
    {
        var schema = new SchemaBuilder()
            .AddSdl("type Query { hello: String }")
            .Resolve("Query", "hello", _ => "world")
            .Build();
        var value = await schema.QueryType!.Fields["hello"].Resolver!(null!);
        Assert.Equal("world", value);
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var error = Assert.Throws<SchemaBuildException>(() => new SchemaBuilder()
            .AddSdl("type Query { a: Missing b: Int } type Query { c: Int } extend type Nope { x: Int }")
            .Resolve("Query", "zzz", _ => null)
            .Build());
        Assert.Contains(error.Errors, e => e.Message == "Unknown type \"Missing\".");
        Assert.Contains(error.Errors, e => e.Message == "There can be only one type named \"Query\".");
        Assert.Contains(error.Errors, e => e.Message == "Cannot extend type \"Nope\" because it is not defined.");
        Assert.Contains(error.Errors, e => e.Message == "Cannot bind a resolver to \"Query.zzz\": the schema has no such field.");
    }

    [Fact]
    public void Accepts_a_prelude_that_restates_built_in_definitions()
    {
        var schema = SchemaBuilder.FromSdl("scalar String scalar Int type __Schema { x: Int } directive @skip(if: Boolean!) on FIELD type Query { a: String }");
        Assert.Same(SpecifiedScalars.Int, schema.GetType("Int"));
        Assert.Equal(["FIELD"], schema.GetDirective("skip")!.Locations);
        Assert.True(((ObjectType)schema.GetType("__Schema")!).Fields.ContainsKey("queryType"));
    }
}
