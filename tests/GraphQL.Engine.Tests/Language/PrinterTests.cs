using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Tests.Language;

public sealed class PrinterTests
{
    [Fact]
    public void Prints_an_anonymous_query_as_a_bare_selection_set() =>
        Assert.Equal("{\n  a\n  b {\n    c\n  }\n}", Printer.Print(Parser.Parse("query { a, b { c } }")));

    [Fact]
    public void Prints_operations_and_fragments_like_graphql_js()
    {
        const string source = """
            query Q($a: Int = 1, $b: [String!]!) @dir {
              alias: field(arg: $a, obj: {x: [1, 2], y: "s"}) @skip(if: false) {
                ...Frag
                ... on T {
                  x
                }
              }
            }

            fragment Frag on T @d {
              y
            }
            """;
        Assert.Equal(source, Printer.Print(Parser.Parse(source)));
    }

    [Fact]
    public void Prints_type_system_definitions_like_graphql_js()
    {
        const string source = """
            schema {
              query: Q
            }

            "desc"
            type Q implements I & J @d {
              f(a: Int = 1): String @deprecated
            }

            union U = A | B

            enum E {
              A
              B
            }

            input In {
              a: Int = 2
            }

            directive @d(a: Int) repeatable on OBJECT | FIELD

            extend type Q {
              g: Int
            }
            """;
        Assert.Equal(source, Printer.Print(Parser.Parse(source)));
    }

    [Fact]
    public void Escapes_strings() =>
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001\"", Printer.PrintString("a\"b\\c\n\u0001"));

    [Fact]
    public void Wraps_long_argument_lists()
    {
        var printed = Printer.Print(Parser.Parse("{ field(argumentNumberOne: \"aaaaaaaaaaaaaaa\", argumentNumberTwo: \"bbbbbbbbbbbbbbbbbbbb\") }"));
        Assert.Contains("field(\n    argumentNumberOne:", printed, StringComparison.Ordinal);
    }
}
