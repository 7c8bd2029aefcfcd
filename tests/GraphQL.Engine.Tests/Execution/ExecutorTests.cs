using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Types;
using Microsoft.Extensions.Logging;

namespace InclusionNetwork.GraphQL.Engine.Tests.Execution;

public sealed class ExecutorTests
{
    private enum Color
    {
        Red,
        DarkGreen,
    }

    private sealed record Dog(string Name, bool Barks);

    private sealed record Cat(string Name, bool Meows);

    private sealed class Person
    {
        public string Name { get; init; } = "";

        public int Age { get; init; }
    }

    private static Schema BuildSchema(List<string>? journal = null, CapturingLogger? logger = null) => new SchemaBuilder()
        .Enum<Color>()
        .Interface("Named", t => t.Field("name", "String!"))
        .Object("Dog", t => t.Implements("Named").Field("name", "String!").Field("barks", "Boolean!").IsTypeOf<Dog>())
        .Object("Cat", t => t.Implements("Named").Field("name", "String!").Field("meows", "Boolean!").IsTypeOf<Cat>())
        .Union("Pet", u => u.Members("Dog", "Cat"))
        .Object("Person", t => t.Field("name", "String!").Field("age", "Int").Field("missing", "String"))
        .Object("Holder", t => t
            .Field("inner", "String!", f => f.Resolve(_ => null))
            .Field("fine", "String", f => f.Resolve(_ => "fine")))
        .InputObject("EchoInput", i => i.Field("text", "String!").Field("times", "Int", defaultValue: "2"))
        .Object("Query", t => t
            .Field("hello", "String!", f => f.Argument("name", "String", "\"world\"").Resolve(ctx => "hello " + ctx.Argument<string>("name")))
            .Field("number", "Int", f => f.Resolve(_ => 7))
            .Field("fail", "String", f => f.Resolve(_ => throw new InvalidOperationException("secret connection string")))
            .Field("failKnown", "String", f => f.Resolve(_ => throw new GraphQLException("Not allowed.", "FORBIDDEN")))
            .Field("nonNullFail", "String!", f => f.Resolve(_ => null))
            .Field("holder", "Holder", f => f.Resolve(_ => new object()))
            .Field("holders", "[Holder]", f => f.Resolve(_ => new[] { new object(), new object() }))
            .Field("strictHolders", "[Holder!]", f => f.Resolve(_ => new[] { new object() }))
            .Field("pets", "[Pet!]!", f => f.Resolve(_ => new object[] { new Dog("Rex", true), new Cat("Tom", false) }))
            .Field("named", "[Named!]!", f => f.Resolve(_ => new object[] { new Cat("Kit", true), new Dog("Fido", false) }))
            .Field("color", "Color", f => f.Resolve(_ => Color.DarkGreen))
            .Field("colorOf", "Color", f => f.Argument("color", "Color!").Resolve(ctx => ctx.Argument<Color>("color")))
            .Field("asyncValue", "Int", f => f.Resolve(async _ =>
            {
                await Task.Delay(5);
                return 42;
            }))
            .Field("echo", "String", f => f.Argument("input", "EchoInput!").Resolve(ctx =>
            {
                var input = ctx.Argument<IReadOnlyDictionary<string, object?>>("input")!;
                return string.Concat(Enumerable.Repeat((string)input["text"]!, (int)input["times"]!));
            }))
            .Field("sum", "Int", f => f.Argument("values", "[Int!]!").Resolve(ctx => ctx.Argument<IReadOnlyList<object?>>("values")!.Sum(v => (int)v!)))
            .Field("person", "Person", f => f.Resolve(_ => new Person { Name = "Ada", Age = 36 }))
            .Field("dictionary", "Person", f => f.Resolve(_ => new Dictionary<string, object?> { ["name"] = "Grace", ["age"] = 85 }))
            .Field("notAList", "[Int]", f => f.Resolve(_ => 5))
            .Field("badInt", "Int", f => f.Resolve(_ => "many")))
        .Object("Mutation", t => t
            .Field("append", "[String!]!", f => f.Argument("value", "String!").Resolve(async ctx =>
            {
                // The first mutation field waits longest: serial execution still runs it first.
                var value = ctx.RequiredArgument<string>("value");
                await Task.Delay(value == "first" ? 30 : 1);
                journal!.Add(value);
                return journal.ToArray();
            })))
        .Build();

    private static async Task<string> Run(string query, IReadOnlyDictionary<string, object?>? variables = null, Schema? schema = null, string? operationName = null)
    {
        var result = await Executor.ExecuteAsync(schema ?? BuildSchema(), query, variables, operationName);
        return result.ToJson();
    }

    private static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');

    [Fact]
    public async Task Executes_fields_in_selection_order_with_aliases_and_arguments()
    {
        Assert.Equal(
            Json("{'data':{'b':'hello Ann','number':7,'a':'hello world'}}"),
            await Run("{ b: hello(name: \"Ann\") number a: hello }"));
    }

    [Fact]
    public async Task Fragments_and_skip_include_follow_variables_on_each_request()
    {
        const string query = "query($skip: Boolean!) { ...F number @skip(if: $skip) } fragment F on Query { hello @include(if: true) }";
        var schema = BuildSchema();
        Assert.Equal(Json("{'data':{'hello':'hello world'}}"), await Run(query, new Dictionary<string, object?> { ["skip"] = true }, schema));
        Assert.Equal(Json("{'data':{'hello':'hello world','number':7}}"), await Run(query, new Dictionary<string, object?> { ["skip"] = false }, schema));
    }

    [Fact]
    public async Task Selects_the_operation_by_name_with_graphql_js_messages()
    {
        const string twoOperations = "query A { number } query B { hello }";
        Assert.Equal(Json("{'data':{'hello':'hello world'}}"), await Run(twoOperations, operationName: "B"));
        Assert.Equal(
            Json("{'errors':[{'message':'Must provide operation name if query contains multiple operations.','extensions':{'code':'OPERATION_RESOLUTION_FAILURE'}}]}"),
            await Run(twoOperations));
        Assert.Equal(
            Json("{'errors':[{'message':'Unknown operation named \\u0022C\\u0022.','extensions':{'code':'OPERATION_RESOLUTION_FAILURE'}}]}"),
            await Run(twoOperations, operationName: "C"));
    }

    [Fact]
    public async Task Reports_variable_coercion_errors_before_execution()
    {
        var missing = await Executor.ExecuteAsync(BuildSchema(), "query($n: Color!) { colorOf(color: $n) }");
        Assert.False(missing.ExecutionStarted);
        var error = Assert.Single(missing.Errors);
        Assert.Equal("Variable \"$n\" of required type \"Color!\" was not provided.", error.Message);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Equal((1, 7), (error.Locations[0].Line, error.Locations[0].Column));

        var invalid = await Executor.ExecuteAsync(
            BuildSchema(), "query($input: EchoInput!) { echo(input: $input) }",
            new Dictionary<string, object?> { ["input"] = System.Text.Json.JsonDocument.Parse("{\"text\":\"x\",\"times\":\"two\"}").RootElement });
        Assert.Equal(
            "Variable \"$input\" got invalid value \"two\" at \"input.times\"; Int cannot represent non-integer value: \"two\"",
            Assert.Single(invalid.Errors).Message);

        var nullValue = await Executor.ExecuteAsync(BuildSchema(), "query($n: Color!) { colorOf(color: $n) }", new Dictionary<string, object?> { ["n"] = null });
        Assert.Equal("Variable \"$n\" of non-null type \"Color!\" must not be null.", Assert.Single(nullValue.Errors).Message);
    }

    [Fact]
    public async Task Coerces_variables_from_json_with_defaults_and_lists()
    {
        var variables = new Dictionary<string, object?>
        {
            ["input"] = System.Text.Json.JsonDocument.Parse("{\"text\":\"ab\"}").RootElement,
            ["values"] = System.Text.Json.JsonDocument.Parse("[1, 2, 3]").RootElement,
            ["color"] = System.Text.Json.JsonDocument.Parse("\"RED\"").RootElement,
        };
        Assert.Equal(
            Json("{'data':{'echo':'abab','sum':6,'single':5,'colorOf':'RED'}}"),
            await Run("query($input: EchoInput!, $values: [Int!]!, $color: Color!) { echo(input: $input) sum(values: $values) single: sum(values: 5) colorOf(color: $color) }", variables));
    }

    [Fact]
    public async Task Serializes_clr_enum_members_by_their_graphql_names()
    {
        Assert.Equal(Json("{'data':{'color':'DARK_GREEN','colorOf':'RED'}}"), await Run("{ color colorOf(color: RED) }"));
    }

    [Fact]
    public async Task A_failure_the_host_names_is_reported_with_its_message_and_code_and_not_logged_as_a_fault()
    {
        var logger = new CapturingLogger();
        var result = await Executor.ExecuteAsync(BuildSchema(), new ExecutionRequest
        {
            Query = "{ number fail }",
            Logger = logger,
            KnownFailure = e => e.Message == "secret connection string" ? new GraphQLException("Busy; try again.", "SERVER_BUSY") : null,
        });
        Assert.Equal(
            Json("{'errors':[{'message':'Busy; try again.','locations':[{'line':1,'column':10}],'path':['fail'],'extensions':{'code':'SERVER_BUSY'}}],'data':{'number':7,'fail':null}}"),
            result.ToJson());
        Assert.Empty(logger.Entries);

        // A failure the host does not name stays an unexpected fault.
        var other = await Executor.ExecuteAsync(BuildSchema(), new ExecutionRequest { Query = "{ fail }", Logger = logger, KnownFailure = _ => null });
        Assert.Equal("INTERNAL_SERVER_ERROR", Assert.Single(other.Errors).Code);
        Assert.Single(logger.Entries);
    }

    [Fact]
    public async Task Unexpected_exceptions_are_logged_and_reported_without_details()
    {
        var logger = new CapturingLogger();
        var result = await Executor.ExecuteAsync(BuildSchema(), new ExecutionRequest { Query = "{ number fail }", Logger = logger });
        Assert.Equal(
            Json("{'errors':[{'message':'Unexpected error.','locations':[{'line':1,'column':10}],'path':['fail'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'number':7,'fail':null}}"),
            result.ToJson());
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("Query.fail", entry.Message);
        Assert.Contains("fail", entry.Message);
        Assert.Equal("secret connection string", entry.Exception!.Message);
    }

    [Fact]
    public async Task GraphQLException_reaches_the_client_with_its_message_and_code()
    {
        Assert.Equal(
            Json("{'errors':[{'message':'Not allowed.','locations':[{'line':1,'column':3}],'path':['failKnown'],'extensions':{'code':'FORBIDDEN'}}],'data':{'failKnown':null}}"),
            await Run("{ failKnown }"));
    }

    [Fact]
    public async Task Null_in_a_non_null_field_nulls_the_nearest_nullable_parent()
    {
        Assert.Equal(
            Json("{'errors':[{'message':'Cannot return null for non-nullable field Holder.inner.','locations':[{'line':1,'column':12}],'path':['holder','inner'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'holder':null,'number':7}}"),
            await Run("{ holder { inner fine } number }"));

        // A nullable list item absorbs the null; a non-null item passes it to the list.
        var items = await Executor.ExecuteAsync(BuildSchema(), "{ holders { inner } strictHolders { inner } }");
        Assert.Equal(Json("{'holders':[null,null],'strictHolders':null}"), Data(items));
        Assert.Equal([["holders", 0, "inner"], ["holders", 1, "inner"], ["strictHolders", 0, "inner"]], items.Errors.Select(e => e.Path!.ToArray()).ToArray());

        var root = await Executor.ExecuteAsync(BuildSchema(), "{ number nonNullFail }");
        Assert.True(root.ExecutionStarted);
        Assert.Null(root.Data);
        Assert.Equal(Json("{'errors':[{'message':'Cannot return null for non-nullable field Query.nonNullFail.','locations':[{'line':1,'column':10}],'path':['nonNullFail'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':null}"), root.ToJson());
    }

    [Fact]
    public async Task Resolves_abstract_types_by_IsTypeOf_and_typename()
    {
        Assert.Equal(
            Json("{'data':{'pets':[{'__typename':'Dog','name':'Rex','barks':true},{'__typename':'Cat','name':'Tom'}],'named':[{'name':'Kit','meows':true},{'name':'Fido'}]}}"),
            await Run("{ pets { __typename ... on Dog { name barks } ... on Cat { name } } named { name ... on Cat { meows } } }"));
    }

    [Fact]
    public async Task Default_resolver_reads_properties_case_insensitively_on_the_first_letter_and_dictionaries()
    {
        Assert.Equal(
            Json("{'data':{'person':{'name':'Ada','age':36,'missing':null},'dictionary':{'name':'Grace','age':85}}}"),
            await Run("{ person { name age missing } dictionary { name age } }"));
    }

    [Fact]
    public async Task Awaits_asynchronous_resolvers()
    {
        Assert.Equal(Json("{'data':{'asyncValue':42,'number':7}}"), await Run("{ asyncValue number }"));
    }

    [Fact]
    public async Task Executes_mutation_fields_serially()
    {
        var journal = new List<string>();
        var result = await Executor.ExecuteAsync(
            BuildSchema(journal), "mutation { a: append(value: \"first\") b: append(value: \"second\") }");
        Assert.Equal(Json("{'data':{'a':['first'],'b':['first','second']}}"), result.ToJson());
    }

    [Fact]
    public async Task Reports_leaf_and_list_completion_errors_with_graphql_js_messages()
    {
        var result = await Executor.ExecuteAsync(BuildSchema(), "{ notAList badInt }");
        Assert.Equal(
            ["Expected Iterable, but did not find one for field \"Query.notAList\".", "Int cannot represent non-integer value: \"many\""],
            result.Errors.Select(e => e.Message).ToArray());
        Assert.Equal(Json("{'notAList':null,'badInt':null}"), Data(result));
    }

    [Fact]
    public async Task Reports_parse_and_validation_errors_without_data()
    {
        var syntax = await Executor.ExecuteAsync(BuildSchema(), "{ number");
        Assert.Equal("GRAPHQL_PARSE_FAILED", Assert.Single(syntax.Errors).Code);
        Assert.False(syntax.ExecutionStarted);
        Assert.DoesNotContain("\"data\"", syntax.ToJson());

        var invalid = await Executor.ExecuteAsync(BuildSchema(), "{ nope }");
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", Assert.Single(invalid.Errors).Message);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", invalid.Errors[0].Code);
    }

    [Fact]
    public async Task Reuses_cached_plans_across_executions_of_one_document()
    {
        var schema = BuildSchema();
        var document = InclusionNetwork.GraphQL.Engine.Language.Parser.Parse("{ person { name } pets { ... on Dog { name } } }");
        for (var i = 0; i < 3; i++)
        {
            var result = await Executor.ExecuteAsync(schema, new ExecutionRequest { Document = document });
            Assert.Equal(Json("{'data':{'person':{'name':'Ada'},'pets':[{'name':'Rex'},{}]}}"), result.ToJson());
        }
    }

    private static string Data(ExecutionResult result)
    {
        using var document = System.Text.Json.JsonDocument.Parse(result.ToJson());
        return document.RootElement.GetProperty("data").GetRawText();
    }
}
