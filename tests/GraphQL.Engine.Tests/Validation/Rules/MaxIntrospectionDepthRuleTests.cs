using System.Diagnostics;
using System.Text;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Engine.Validation;
using InclusionNetwork.GraphQL.Engine.Validation.Rules;

namespace InclusionNetwork.GraphQL.Engine.Tests.Validation.Rules;

/// <summary>The rule's cost; what it reports is proven by the conformance cases.</summary>
public sealed class MaxIntrospectionDepthRuleTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("type Query { name: String }");

    private static readonly ValidationRuleFactory[] Rule = [context => new MaxIntrospectionDepthRule(context)];

    /// <summary>Fragments on __Type, each spreading the next twice, below <c>__schema { types }</c>.</summary>
    private static string FragmentBomb(int fragments, string leaf)
    {
        var query = new StringBuilder("{ __schema { types { ...F0 } } }");
        for (var i = 0; i < fragments - 1; i++)
        {
            query.Append($" fragment F{i} on __Type {{ ...F{i + 1} ...F{i + 1} }}");
        }

        return query.Append($" fragment F{fragments - 1} on __Type {{ {leaf} }}").ToString();
    }

    [Fact]
    public void Looks_into_each_fragment_once_however_often_it_is_spread()
    {
        var stopwatch = Stopwatch.StartNew();
        var shallow = DocumentValidator.Validate(Schema, Parser.Parse(FragmentBomb(26, "name fields { name }")), Rule);
        var deep = DocumentValidator.Validate(Schema, Parser.Parse(FragmentBomb(26, "fields { type { fields { type { fields { name } } } } }")), Rule);
        stopwatch.Stop();

        Assert.Empty(shallow);
        Assert.Equal("Maximum introspection depth exceeded", Assert.Single(deep).Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"Validation took {stopwatch.Elapsed}.");
    }
}
