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

    /// <summary>Parses a document under the token limit; a syntax error comes back as the request's error.</summary>
    public static DocumentNode? Parse(string query, RequestLimits limits, out GraphQLError? error)
    {
        try
        {
            error = null;
            return Parser.Parse(query, limits.MaxTokens is { } max ? new ParserOptions { MaxTokens = max } : ParserOptions.Default);
        }
        catch (GraphQLSyntaxException e)
        {
            // The parser reports the token limit as a syntax error; give it the limit's own code.
            var code = limits.MaxTokens is { } max && e.Description.StartsWith($"Document contains more than {max} tokens", StringComparison.Ordinal)
                ? ErrorCodes.MaxTokensExceeded
                : ErrorCodes.ParseFailed;
            error = new GraphQLError(e.Message, code, e.Locations);
            return null;
        }
    }

    /// <summary>Spec section 5 validation, as request errors.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document)
    {
        var validationErrors = DocumentValidator.Validate(schema, document);
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
            document = Parse(request.Query ?? throw new ArgumentException("The request has neither a query nor a document.", nameof(request)), limits, out var syntaxError);
            if (document is null)
            {
                return ExecutionResult.RequestFailed(syntaxError!);
            }

            validated = false;
        }

        if (!validated)
        {
            var validationErrors = Validate(schema, document);
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

        var limitErrors = QueryLimitsAnalyzer.Check(schema, document, operation, variables, limits);
        if (limitErrors.Count > 0)
        {
            return ExecutionResult.RequestFailed(limitErrors);
        }

        var execution = new OperationExecution(schema, document, variables, request, cancellationToken);
        return await execution.ExecuteAsync(operation, rootType).ConfigureAwait(false);
    }
}
