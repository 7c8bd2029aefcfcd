using System.Runtime.ExceptionServices;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Limits;

namespace InclusionNetwork.GraphQL.Engine.Tests.Language;

public sealed class ParserTests
{
    private static GraphQLSyntaxException Fails(string source) => Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

    [Fact]
    public void Parses_an_operation_with_variables_directives_and_fragments()
    {
        var document = Parser.Parse("""
            query Q($id: ID! = "1" @dir, $list: [Int!]) @op {
              alias: node(id: $id, obj: {a: [1, 2.5, "s", true, null, ENUM]}) @include(if: true) {
                ...Frag
                ... on User { name }
                ... @skip(if: false) { id }
              }
            }
            fragment Frag on Node { id }
            """);
        Assert.Equal(2, document.Definitions.Count);
        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Equal("Q", operation.Name!.Value);
        Assert.Equal(2, operation.VariableDefinitions.Count);
        Assert.IsType<StringValueNode>(operation.VariableDefinitions[0].DefaultValue);
        Assert.IsType<NonNullTypeNode>(operation.VariableDefinitions[0].Type);
        Assert.Single(operation.VariableDefinitions[0].Directives);
        var field = Assert.IsType<FieldNode>(operation.SelectionSet.Selections[0]);
        Assert.Equal("alias", field.Alias!.Value);
        Assert.Equal("node", field.Name.Value);
        Assert.IsType<VariableNode>(field.Arguments[0].Value);
        var obj = Assert.IsType<ObjectValueNode>(field.Arguments[1].Value);
        var list = Assert.IsType<ListValueNode>(obj.Fields[0].Value);
        Assert.Collection(
            list.Values,
            v => Assert.IsType<IntValueNode>(v),
            v => Assert.IsType<FloatValueNode>(v),
            v => Assert.IsType<StringValueNode>(v),
            v => Assert.IsType<BooleanValueNode>(v),
            v => Assert.IsType<NullValueNode>(v),
            v => Assert.IsType<EnumValueNode>(v));
        Assert.IsType<FragmentSpreadNode>(field.SelectionSet!.Selections[0]);
        Assert.Equal("User", Assert.IsType<InlineFragmentNode>(field.SelectionSet.Selections[1]).TypeCondition!.Name.Value);
        Assert.Null(Assert.IsType<InlineFragmentNode>(field.SelectionSet.Selections[2]).TypeCondition);
        Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
    }

    [Fact]
    public void Gives_every_node_a_location_as_graphql_js()
    {
        var document = Parser.Parse("{\n  a {\n    b\n  }\n}");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        var field = (FieldNode)operation.SelectionSet.Selections[0];
        Assert.Equal(new Location(4, 17, 2, 3), field.Location);
        Assert.Equal(new Location(0, 19, 1, 1), operation.Location);
        Assert.Equal(new Location(0, 19, 1, 1), document.Location);
        var inner = (FieldNode)field.SelectionSet!.Selections[0];
        Assert.Equal(new SourceLocation(3, 5), inner.Location.SourceLocation);
    }

    [Fact]
    public void Parses_the_whole_type_system_grammar()
    {
        var document = Parser.Parse("""
            "The schema"
            schema @a { query: Q mutation: M }
            "Desc" scalar Date @specifiedBy(url: "https://example.com")
            type Q implements & I & J @d { "f" f(a: Int = 1 @x, b: [String!]!): String @deprecated }
            interface I implements J { f: String }
            union U = | A | B
            enum E { A @deprecated(reason: "no") B }
            input In @oneOf { a: Int = 2, b: String }
            directive @d(a: Int) repeatable on OBJECT | FIELD_DEFINITION
            extend schema { subscription: S }
            extend scalar Date @x
            extend type Q implements K { g: Int }
            extend interface I @x
            extend union U = C
            extend enum E { C }
            extend input In { c: Int }
            """);
        Assert.Equal(15, document.Definitions.Count);
        var schema = Assert.IsType<SchemaDefinitionNode>(document.Definitions[0]);
        Assert.Equal("The schema", schema.Description!.Value);
        Assert.Equal(2, schema.OperationTypes.Count);
        var type = Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[2]);
        Assert.Equal(2, type.Interfaces.Count);
        Assert.Equal(2, type.Fields[0].Arguments.Count);
        Assert.Equal(2, Assert.IsType<UnionTypeDefinitionNode>(document.Definitions[4]).Types.Count);
        var directive = Assert.IsType<DirectiveDefinitionNode>(document.Definitions[7]);
        Assert.True(directive.Repeatable);
        Assert.Equal(2, directive.Locations.Count);
        Assert.IsType<SchemaExtensionNode>(document.Definitions[8]);
        Assert.IsType<InputObjectTypeExtensionNode>(document.Definitions[14]);
    }

    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ a }}", "Syntax Error: Unexpected \"}\".", 1, 6)]
    [InlineData("query { }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Syntax Error: Unexpected \"...\".", 1, 1)]
    [InlineData("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("fragment F T { a }", "Syntax Error: Expected \"on\", found Name \"T\".", 1, 12)]
    [InlineData("query Q($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 19)]
    [InlineData("{ f(a: ) }", "Syntax Error: Unexpected \")\".", 1, 8)]
    [InlineData("\"desc\" query { a }", "Syntax Error: Unexpected description, descriptions are supported only on type definitions.", 1, 1)]
    [InlineData("extend type T", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("directive @d on NOWHERE", "Syntax Error: Unexpected Name \"NOWHERE\".", 1, 17)]
    [InlineData("enum E { true }", "Syntax Error: Token Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    public void Reports_syntax_errors_as_graphql_js(string source, string message, int line, int column)
    {
        var error = Fails(source);
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Fact]
    public void Stops_at_the_token_limit()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a b c d e }", new ParserOptions { MaxTokens = 4 }));
        Assert.Equal("Syntax Error: Document contains more than 4 tokens. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Parses_values_and_types_alone()
    {
        Assert.IsType<ListValueNode>(Parser.ParseValue("[1, $x]"));
        Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseConstValue("$x"));
        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[String!]!"));
        Assert.IsType<ListTypeNode>(type.Type);
    }

    /// <summary>
    /// Runs the work on a thread with a 256 KiB stack, small enough that a recursive descent
    /// thousands of levels deep overflows it (which ends the process, not just the test).
    /// </summary>
    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    public static TheoryData<string, string> DeeplyNested => new()
    {
        { "selection sets", string.Concat(Enumerable.Repeat("{ a ", 5000)) + new string('}', 5000) },
        { "list values", "{ a(b: " + new string('[', 5000) + new string(']', 5000) + ") }" },
        { "object values", "{ a(b: " + string.Concat(Enumerable.Repeat("{ c: ", 3000)) + "1" + new string('}', 3000) + ") }" },
        { "list types", "query ($v: " + new string('[', 5000) + "Int" + new string(']', 5000) + ") { a }" },
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Refuses_deep_nesting_with_an_error_that_names_the_limit_even_on_a_small_stack(string what, string source)
    {
        var error = OnSmallStack(() =>
        {
            Executor.Parse(source, RequestLimits.Default, CancellationToken.None, out var parseError);
            return parseError;
        });

        Assert.NotNull(error);
        Assert.Equal("MAX_NESTING_EXCEEDED", error.Code);
        Assert.StartsWith("Syntax Error: Document nesting exceeds the maximum nesting of 64 (MaxNesting).", error.Message, StringComparison.Ordinal);
        Assert.True(error.Locations.Count == 1, what);
    }

    [Fact]
    public void Caps_nesting_by_default_and_as_configured()
    {
        var deep = string.Concat(Enumerable.Repeat("{ a ", 300)) + new string('}', 300);
        var error = OnSmallStack(() => Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(deep)));
        Assert.Equal("Syntax Error: Document nesting exceeds the maximum nesting of 256 (MaxNesting). Parsing aborted.", error.Message);

        var nested = "{ a { b { c } } }";
        Assert.NotNull(Parser.Parse(nested, new ParserOptions { MaxNesting = 3 }));
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(nested, new ParserOptions { MaxNesting = 2 }));
        Assert.NotNull(Parser.Parse(deep, new ParserOptions { MaxNesting = null }));
    }

    [Fact]
    public void A_document_just_within_the_request_limit_goes_through_every_stage_on_a_small_stack()
    {
        // Validation, the limits check and execution all recurse per level too: the default
        // cap must keep all of them within a small stack.
        var schema = new InclusionNetwork.GraphQL.Engine.Types.SchemaBuilder()
            .Object("Query", t => t.Field("node", "Node", f => f.Resolve(_ => new Dictionary<string, object?>())))
            .Object("Node", t => t.Field("node", "Node", f => f.Resolve(_ => new Dictionary<string, object?>())).Field("name", "String"))
            .Build();
        var levels = RequestLimits.Default.MaxNesting!.Value;
        var query = string.Concat(Enumerable.Repeat("{ node ", levels - 1)) + "{ name " + new string('}', levels);

        var result = OnSmallStack(() => Executor.ExecuteAsync(schema, new ExecutionRequest
        {
            Query = query,
            Limits = RequestLimits.Default with { MaxDepth = null, MaxCost = null },
        }).GetAwaiter().GetResult());

        ResultAssert.NoErrors(result);
        Assert.True(result.ExecutionStarted);
    }
}
