using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.GraphQL.Engine.Validation;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// Spec 6.1 ExecuteRequest: parse and validate (unless given a validated document), select
/// the operation, coerce variables, check the request limits, then execute. Errors before
/// execution give a result without <c>data</c>; errors during it are field errors.
/// </summary>
public static class Executor
{
    public static Task<ExecutionResult> ExecuteAsync(Schema schema, ExecutionRequest request, CancellationToken cancellationToken = default)
    {
        // DataLoader batching relies on continuations running inline on whichever thread
        // completes a batch; a captured synchronization context (UI, test runners) would post
        // them elsewhere and split batches, so execution runs outside any such context.
        return SynchronizationContext.Current is null
            ? ExecuteCoreAsync(schema, request, cancellationToken)
            : Task.Run(() => ExecuteCoreAsync(schema, request, cancellationToken), cancellationToken);
    }

    /// <summary>Parses <paramref name="query"/> and executes it with default limits; for tests and scripts.</summary>
    public static Task<ExecutionResult> ExecuteAsync(
        Schema schema,
        string query,
        IReadOnlyDictionary<string, object?>? variables = null,
        string? operationName = null,
        CancellationToken cancellationToken = default) =>
        ExecuteAsync(schema, new ExecutionRequest { Query = query, Variables = variables, OperationName = operationName }, cancellationToken);

    /// <summary>Parses a document under the token and nesting limits; a syntax error comes back as the request's error.</summary>
    public static DocumentNode? Parse(string query, RequestLimits limits, out GraphQLError? error) =>
        Parse(query, limits, CancellationToken.None, out error);

    /// <summary>
    /// Parses a document under the token and nesting limits, giving up with
    /// <see cref="OperationCanceledException"/> once the request is abandoned.
    /// </summary>
    public static DocumentNode? Parse(string query, RequestLimits limits, CancellationToken cancellationToken, out GraphQLError? error)
    {
        try
        {
            error = null;
            return Parser.Parse(query, new ParserOptions { MaxTokens = limits.MaxTokens, MaxNesting = limits.MaxNesting }, cancellationToken);
        }
        catch (GraphQLSyntaxException e)
        {
            // The parser reports its limits as syntax errors; give each the limit's own code.
            var code = limits.MaxTokens is { } maxTokens && e.Description.StartsWith($"Document contains more than {maxTokens} tokens", StringComparison.Ordinal)
                ? ErrorCodes.MaxTokensExceeded
                : limits.MaxNesting is { } maxNesting && e.Description.StartsWith($"Document nesting exceeds the maximum nesting of {maxNesting} ", StringComparison.Ordinal)
                    ? ErrorCodes.MaxNestingExceeded
                    : ErrorCodes.ParseFailed;
            error = new GraphQLError(e.Message, code, e.Locations);
            return null;
        }
    }

    /// <summary>Spec section 5 validation, as request errors, under <see cref="RequestLimits.Default"/>.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document) =>
        Validate(schema, document, RequestLimits.Default, CancellationToken.None);

    /// <summary>
    /// Spec section 5 validation under the request limits, as request errors: a document whose
    /// every operation has too many aliases is refused before validation (which is quadratic in
    /// same-named fields), and validation itself stops at <see cref="RequestLimits.MaxFieldComparisons"/>
    /// and when the request is abandoned.
    /// </summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, RequestLimits limits, CancellationToken cancellationToken)
    {
        if (QueryLimitsAnalyzer.CheckAliasesBeforeValidation(document, limits, cancellationToken) is { } tooManyAliases)
        {
            return [tooManyAliases];
        }

        var validationErrors = DocumentValidator.Validate(
            schema, document, maxFieldComparisons: limits.MaxFieldComparisons, cancellationToken: cancellationToken);
        if (validationErrors.Count == 0)
        {
            return [];
        }

        var errors = new GraphQLError[validationErrors.Count];
        for (var i = 0; i < errors.Length; i++)
        {
            errors[i] = new GraphQLError(validationErrors[i].Message, validationErrors[i].Code ?? ErrorCodes.ValidationFailed, validationErrors[i].Locations);
        }

        return errors;
    }

    private static async Task<ExecutionResult> ExecuteCoreAsync(Schema schema, ExecutionRequest request, CancellationToken cancellationToken)
    {
        var limits = request.Limits ?? RequestLimits.Default;
        var document = request.Document;
        var validated = request.DocumentIsValidated;
        if (document is null)
        {
            document = Parse(
                request.Query ?? throw new ArgumentException("The request has neither a query nor a document.", nameof(request)),
                limits,
                cancellationToken,
                out var syntaxError);
            if (document is null)
            {
                return ExecutionResult.RequestFailed(syntaxError!);
            }

            validated = false;
        }

        if (!validated)
        {
            var validationErrors = Validate(schema, document, limits, cancellationToken);
            if (validationErrors.Count > 0)
            {
                return ExecutionResult.RequestFailed(validationErrors);
            }
        }

        var operation = OperationSelector.Select(document, request.OperationName, out var selectionError);
        if (operation is null)
        {
            return ExecutionResult.RequestFailed(new GraphQLError(selectionError!, ErrorCodes.OperationResolutionFailure));
        }

        if (operation.Operation == OperationType.Subscription)
        {
            return ExecutionResult.RequestFailed(new GraphQLError(
                "Subscription operations are not supported.", ErrorCodes.OperationResolutionFailure, GraphQLError.LocationsOf(operation)));
        }

        var rootType = schema.GetRootType(operation.Operation);
        if (rootType is null)
        {
            var kind = operation.Operation == OperationType.Mutation ? "mutation" : "query";
            return ExecutionResult.RequestFailed(new GraphQLError(
                $"Schema is not configured to execute {kind} operation.", ErrorCodes.OperationResolutionFailure, GraphQLError.LocationsOf(operation)));
        }

        var variableErrors = new List<GraphQLError>();
        var variables = VariableCoercion.Coerce(schema, operation, request.Variables, variableErrors);
        if (variableErrors.Count > 0)
        {
            return ExecutionResult.RequestFailed(variableErrors);
        }

        var limitErrors = QueryLimitsAnalyzer.Check(schema, document, operation, variables, limits, out var estimatedCost, cancellationToken);
        if (limitErrors.Count > 0)
        {
            return ExecutionResult.RequestFailed(limitErrors);
        }

        using var admitted = request.Admission is { } admission
            ? await admission.AdmitAsync(estimatedCost, cancellationToken).ConfigureAwait(false)
            : NoAdmissionNeeded.Instance;
        if (admitted is null)
        {
            return ExecutionResult.RequestFailed(new GraphQLError(
                $"The server is busy with other costly requests and cannot run one of cost {estimatedCost} now. Try again shortly, or ask for less.",
                ErrorCodes.ServerBusy));
        }

        var execution = new OperationExecution(schema, document, variables, request, cancellationToken);
        return await execution.ExecuteAsync(operation, rootType).ConfigureAwait(false);
    }

    private sealed class NoAdmissionNeeded : IDisposable
    {
        public static readonly NoAdmissionNeeded Instance = new();

        public void Dispose()
        {
        }
    }
}
