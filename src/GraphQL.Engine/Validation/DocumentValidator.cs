using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Validation;

/// <summary>
/// Validates a document against a schema (spec section 5): one walk of the document runs
/// every rule side by side. Errors are collected, never thrown, and capped (graphql-js
/// behaviour): past <c>maxErrors</c> one more error says validation was aborted.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The default cap on field comparisons, as in <see cref="Limits.RequestLimits.MaxFieldComparisons"/>.</summary>
    public const int DefaultMaxFieldComparisons = 100_000;

    public static IReadOnlyList<ValidationError> Validate(
        Schema schema,
        DocumentNode document,
        IReadOnlyList<ValidationRuleFactory>? rules = null,
        int maxErrors = 100,
        int? maxFieldComparisons = DefaultMaxFieldComparisons,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        var context = new ValidationContext(schema, document, errors, maxErrors, maxFieldComparisons, cancellationToken);
        rules ??= SpecifiedRules.All;
        var instances = new ValidationRule[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            instances[i] = rules[i](context);
        }

        try
        {
            new ParallelRuleWalker(context, instances).Walk(document);
        }
        catch (ValidationAbortedException)
        {
            // The error list already ends with the "Validation aborted" error.
        }

        return errors;
    }

    /// <summary>Walks once, keeping type information current and calling every rule not skipping the subtree.</summary>
    private sealed class ParallelRuleWalker(ValidationContext context, ValidationRule[] rules) : SyntaxWalker
    {
        private readonly SyntaxNode?[] _skipping = new SyntaxNode?[rules.Length];

        protected override bool Enter(SyntaxNode node)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.TypeInfo.Enter(node);
            for (var i = 0; i < rules.Length; i++)
            {
                if (_skipping[i] is null && !rules[i].Enter(node))
                {
                    _skipping[i] = node;
                }
            }

            context.AncestorStack.Add(node);
            return true;
        }

        protected override void Leave(SyntaxNode node)
        {
            var ancestors = context.AncestorStack;
            ancestors.RemoveAt(ancestors.Count - 1);
            for (var i = 0; i < rules.Length; i++)
            {
                if (_skipping[i] is null)
                {
                    rules[i].Leave(node);
                }
                else if (ReferenceEquals(_skipping[i], node))
                {
                    _skipping[i] = null;
                }
            }

            context.TypeInfo.Leave(node);
        }
    }
}
