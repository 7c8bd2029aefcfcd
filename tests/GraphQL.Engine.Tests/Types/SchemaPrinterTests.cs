using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class SchemaPrinterTests
{
    [Fact]
    public void Prints_sdl_like_graphql_js_print_schema()
    {
        const string sdl = """"
            directive @custom(a: Int) on FIELD

            """A thing"""
            interface Node {
              id: ID!
            }

            type Query implements Node {
              id: ID!

              """Long description"""
              search(
                """The text"""
                text: String = "x"
                first: Int
              ): [Result!]! @deprecated(reason: "Use find")
              old: Int @deprecated
            }

            union Result = Query

            enum Phase {
              PRIMARY
              SECONDARY
            }

            input Filter @oneOf {
              a: Int
              b: String
            }

            scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
            """";
        var printed = SchemaPrinter.Print(SchemaBuilder.FromSdl(sdl));
        Assert.Equal(sdl, printed);
    }

    [Fact]
    public void Prints_the_schema_definition_when_roots_have_other_names()
    {
        var printed = SchemaPrinter.Print(SchemaBuilder.FromSdl("schema { query: Root } type Root { a: Int }"));
        Assert.Equal("schema {\n  query: Root\n}\n\ntype Root {\n  a: Int\n}", printed);
    }

    [Fact]
    public void Printed_sdl_builds_the_same_schema()
    {
        var schema = new SchemaBuilder()
            .Object("Query", t => t.Field("a", "[Int!]", f => f.Argument("x", "String", "\"d\"", "An argument")))
            .Build();
        var printed = SchemaPrinter.Print(schema);
        Assert.Equal(printed, SchemaPrinter.Print(SchemaBuilder.FromSdl(printed)));
    }
}
