using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Engine.Validation;
using InclusionNetwork.GraphQL.Engine.Validation.Rules;

namespace InclusionNetwork.GraphQL.Engine.Tests.Validation.Rules;

/// <summary>The rule's bounds; what it reports is proven by the conformance cases.</summary>
public sealed class OverlappingFieldsCanBeMergedRuleTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        type Query { dog(name: String): Dog dogs: [Dog!]! }
        type Dog { name: String barkVolume: Int }
        """);

    private static readonly ValidationRuleFactory[] Rule = [context => new OverlappingFieldsCanBeMergedRule(context)];

    private static string Repeated(int count, Func<int, string> field) => "{ " + string.Join(" ", Enumerable.Range(0, count).Select(field)) + " }";

    [Fact]
    public void Keeps_no_more_conflicts_than_it_can_report()
    {
        // 1,650 aliases of one response name, each pair in conflict: 1.36 million conflicts,
        // which took hundreds of megabytes to collect before the first was reported.
        var document = Parser.Parse(Repeated(1650, i => $"x: dog(name: \"{i}\") {{ name }}"));

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var errors = DocumentValidator.Validate(Schema, document, Rule, maxErrors: 100, maxFieldComparisons: null);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(101, errors.Count);
        Assert.Equal("Fields \"x\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", errors[0].Message);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[^1].Message);
        Assert.True(allocated < 20 * 1024 * 1024, $"Validation allocated {allocated / (1024 * 1024)} MiB.");
    }

    [Fact]
    public void Refuses_a_document_that_needs_more_comparisons_than_allowed_with_its_own_error()
    {
        // 3,000 copies of one field merge, but proving it compares 4.5 million pairs.
        var document = Parser.Parse(Repeated(3000, _ => "dog { name }"));

        var errors = DocumentValidator.Validate(Schema, document, Rule, maxFieldComparisons: 100_000);

        var error = Assert.Single(errors);
        Assert.Equal(
            "The document has too many fields of the same name to check that they merge: more than 100000 comparisons (MaxFieldComparisons). Validation aborted.",
            error.Message);
        Assert.Equal(ErrorCodes.MaxFieldComparisonsExceeded, error.Code);

        // The executor's validation gives the error its own code and takes the cap from the request limits.
        var requestErrors = Executor.Validate(Schema, document, RequestLimits.Default with { MaxFieldComparisons = 1000 }, CancellationToken.None);
        Assert.Equal("MAX_FIELD_COMPARISONS_EXCEEDED", Assert.Single(requestErrors).Code);
        Assert.Contains("more than 1000 comparisons", requestErrors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_ordinary_repetition_within_the_default_cap()
    {
        var document = Parser.Parse(Repeated(100, _ => "dog { name } dogs { name barkVolume }"));

        Assert.Empty(DocumentValidator.Validate(Schema, document, Rule));
    }

    [Fact]
    public void Stops_when_the_request_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var document = Parser.Parse(Repeated(1000, _ => "dog { name }"));

        Assert.ThrowsAny<OperationCanceledException>(() =>
            DocumentValidator.Validate(Schema, document, Rule, maxFieldComparisons: null, cancellationToken: cancelled.Token));
    }
}
