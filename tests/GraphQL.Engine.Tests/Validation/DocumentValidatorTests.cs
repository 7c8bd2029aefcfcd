using System.Text;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Engine.Validation;

namespace InclusionNetwork.GraphQL.Engine.Tests.Validation;

public sealed class DocumentValidatorTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Query { dog: Dog dogs(first: Int!): [Dog!]! }
        type Dog { name: String barkVolume: Int }
        """);

    [Fact]
    public void Accepts_a_valid_document_with_all_rules() =>
        Assert.Empty(DocumentValidator.Validate(Schema, Parser.Parse("query Q($n: Int!) { dogs(first: $n) { ...D } } fragment D on Dog { name }")));

    [Fact]
    public void Collects_errors_from_every_rule_without_throwing()
    {
        var errors = DocumentValidator.Validate(Schema, Parser.Parse("{ cat dogs { name } }"));
        Assert.Equal(
            [
                "Cannot query field \"cat\" on type \"Query\".",
                "Field \"dogs\" argument \"first\" of type \"Int!\" is required, but it was not provided.",
            ],
            errors.Select(e => e.Message));
        Assert.Equal(new SourceLocation(1, 3), errors[0].Locations[0]);
    }

    [Fact]
    public void Stops_at_the_error_limit()
    {
        var query = new StringBuilder("{");
        for (var i = 0; i < 150; i++)
        {
            query.Append(" unknown").Append(i);
        }

        var errors = DocumentValidator.Validate(Schema, Parser.Parse(query.Append(" }").ToString()), maxErrors: 100);
        Assert.Equal(101, errors.Count);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[^1].Message);
        Assert.Empty(errors[^1].Locations);
    }
}
