using System.Text.Json;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Introspection;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Introspection;

public sealed class IntrospectionTests
{
    /// <summary>A schema using every kind of type and the features introspection has to describe.</summary>
    private const string RichSdl = """
        "The root of reads."
        type Query {
          "A node by id."
          node(id: ID!): Node
          search(term: String = "all", filter: SearchFilter, limit: Int = 10): [SearchResult!]!
          phase: Phase @deprecated(reason: "Use phases.")
          phases: [Phase!]!
          startsOn: Date
          legacy(flag: Boolean @deprecated): String
        }

        type Mutation {
          rename(input: RenameInput!): Named
        }

        "Anything with an id."
        interface Node {
          id: ID!
        }

        interface Named implements Node {
          id: ID!
          name: String!
        }

        type School implements Named & Node {
          id: ID!
          name: String!
          urn: Urn!
          phase: Phase
        }

        type Course implements Named & Node {
          id: ID!
          name: String!
          runs(first: Int = 20): [String!]
        }

        union SearchResult = School | Course

        "Stage of education."
        enum Phase {
          PRIMARY
          "Ages 11 to 16."
          SECONDARY
          MIDDLE @deprecated
          NURSERY @deprecated(reason: "Merged into PRIMARY.")
        }

        input SearchFilter {
          phases: [Phase!] = [PRIMARY]
          nameContains: String
          nested: NestedFilter
          old: String @deprecated(reason: "Ignored.")
        }

        input NestedFilter {
          depth: Int! = 1
        }

        input RenameInput @oneOf {
          school: String
          course: String
        }

        "A Unique Reference Number of a school."
        scalar Urn @specifiedBy(url: "https://example.org/urn")

        scalar Date

        "Caches the field for a while."
        directive @cached(seconds: Int = 60, scope: String) repeatable on FIELD_DEFINITION | OBJECT

        directive @audit on QUERY | MUTATION
        """;

    private static Schema RichSchema() => SchemaBuilder.FromSdl(RichSdl);

    [Fact]
    public async Task Standard_introspection_query_is_the_reference_implementations()
    {
        var reference = await NodeProject.RunNodeAsync("reference.mjs", "introspection-query");
        Assert.Equal(Normalize(reference), Normalize(IntrospectionQuery.Standard));
    }

    [Fact]
    public async Task Reference_buildClientSchema_accepts_the_answer_to_the_standard_query()
    {
        var schema = RichSchema();
        var printed = await PrintClientSchemaAsync(schema, IntrospectionQuery.Standard);

        // The standard query leaves out @specifiedBy, repeatable and deprecated arguments; the rest is all there.
        Assert.Contains("union SearchResult = School | Course", printed);
        Assert.Contains("interface Named implements Node", printed);
    }

    [Fact]
    public async Task Reference_printSchema_of_the_full_answer_equals_our_SchemaPrinter()
    {
        var schema = RichSchema();
        var fullQuery = await NodeProject.RunNodeAsync("reference.mjs", "introspection-query-full");
        var printed = await PrintClientSchemaAsync(schema, fullQuery);

        Assert.Equal(SchemaPrinter.Print(schema).TrimEnd(), printed.TrimEnd());
    }

    private static async Task<string> PrintClientSchemaAsync(Schema schema, string query)
    {
        var result = await Executor.ExecuteAsync(schema, query);
        ResultAssert.NoErrors(result);
        var file = Path.Combine(Path.GetTempPath(), $"introspection-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, result.ToJson());
        try
        {
            return await NodeProject.RunNodeAsync("reference.mjs", "print-client-schema", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Describes_types_fields_and_deprecations_like_graphql_js()
    {
        var result = await Executor.ExecuteAsync(RichSchema(), """
            {
              phase: __type(name: "Phase") {
                kind name description
                all: enumValues(includeDeprecated: true) { name isDeprecated deprecationReason }
                current: enumValues { name }
              }
              urn: __type(name: "Urn") { kind specifiedByURL fields { name } }
              filter: __type(name: "SearchFilter") {
                inputFields { name defaultValue }
                withDeprecated: inputFields(includeDeprecated: true) { name isDeprecated deprecationReason }
                isOneOf
              }
              rename: __type(name: "RenameInput") { isOneOf }
              named: __type(name: "Named") { kind interfaces { name } possibleTypes { name } }
              list: __type(name: "Query") { fields { name type { kind ofType { kind ofType { kind ofType { name } } } } } }
              missing: __type(name: "Nope") { name }
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                directives { name isRepeatable locations args { name defaultValue } }
              }
              __typename
            }
            """);
        ResultAssert.NoErrors(result);
        using var json = JsonDocument.Parse(result.ToJson());
        var data = json.RootElement.GetProperty("data");

        Assert.Equal(
            """{"kind":"ENUM","name":"Phase","description":"Stage of education.","all":[{"name":"PRIMARY","isDeprecated":false,"deprecationReason":null},{"name":"SECONDARY","isDeprecated":false,"deprecationReason":null},{"name":"MIDDLE","isDeprecated":true,"deprecationReason":"No longer supported"},{"name":"NURSERY","isDeprecated":true,"deprecationReason":"Merged into PRIMARY."}],"current":[{"name":"PRIMARY"},{"name":"SECONDARY"}]}""",
            data.GetProperty("phase").GetRawText());
        Assert.Equal("""{"kind":"SCALAR","specifiedByURL":"https://example.org/urn","fields":null}""", data.GetProperty("urn").GetRawText());
        Assert.Equal(
            """{"inputFields":[{"name":"phases","defaultValue":"[PRIMARY]"},{"name":"nameContains","defaultValue":null},{"name":"nested","defaultValue":null}],"withDeprecated":[{"name":"phases","isDeprecated":false,"deprecationReason":null},{"name":"nameContains","isDeprecated":false,"deprecationReason":null},{"name":"nested","isDeprecated":false,"deprecationReason":null},{"name":"old","isDeprecated":true,"deprecationReason":"Ignored."}],"isOneOf":false}""",
            data.GetProperty("filter").GetRawText());
        Assert.Equal("""{"isOneOf":true}""", data.GetProperty("rename").GetRawText());
        Assert.Equal(
            """{"kind":"INTERFACE","interfaces":[{"name":"Node"}],"possibleTypes":[{"name":"School"},{"name":"Course"}]}""",
            data.GetProperty("named").GetRawText());
        Assert.Contains(
            """{"name":"search","type":{"kind":"NON_NULL","ofType":{"kind":"LIST","ofType":{"kind":"NON_NULL","ofType":{"name":"SearchResult"}}}}}""",
            data.GetProperty("list").GetRawText());
        Assert.DoesNotContain("\"phase\"", data.GetProperty("list").GetRawText());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("missing").ValueKind);
        Assert.Equal("Query", data.GetProperty("__typename").GetString());
        var schema = data.GetProperty("__schema");
        Assert.Equal("""{"name":"Mutation"}""", schema.GetProperty("mutationType").GetRawText());
        Assert.Equal(JsonValueKind.Null, schema.GetProperty("subscriptionType").ValueKind);
        Assert.Contains(
            """{"name":"cached","isRepeatable":true,"locations":["FIELD_DEFINITION","OBJECT"],"args":[{"name":"seconds","defaultValue":"60"},{"name":"scope","defaultValue":null}]}""",
            schema.GetProperty("directives").GetRawText());
    }

    [Fact]
    public async Task Field_arguments_hide_deprecated_ones_unless_asked()
    {
        var result = await Executor.ExecuteAsync(RichSchema(), """
            { __type(name: "Query") { fields(includeDeprecated: true) { name args { name } all: args(includeDeprecated: true) { name isDeprecated } } } }
            """);
        ResultAssert.NoErrors(result);
        Assert.Contains("""{"name":"legacy","args":[],"all":[{"name":"flag","isDeprecated":true}]}""", result.ToJson());
        Assert.Contains("""{"name":"phase","args":[],"all":[]}""", result.ToJson());
    }

    private static string Normalize(string query) => string.Join(' ', query.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
