namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// The values of <c>extensions.code</c> the engine itself produces. The names follow the
/// codes GraphQL servers commonly use, so client tooling recognises them.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The document is not syntactically valid GraphQL.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The document broke a validation rule (spec section 5).</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>No operation could be chosen (missing or unknown operation name), or the schema has no root type for it.</summary>
    public const string OperationResolutionFailure = "OPERATION_RESOLUTION_FAILURE";

    /// <summary>A variable or argument value could not be coerced to its type.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>The HTTP request itself is malformed (not JSON, text that is not well-formed UTF-8, no query, wrong parameter types).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>Something failed on the server; the message never carries the details.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";

    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";

    public const string MaxNestingExceeded = "MAX_NESTING_EXCEEDED";

    /// <summary>Proving the document's same-named fields merge would take more comparisons than allowed.</summary>
    public const string MaxFieldComparisonsExceeded = "MAX_FIELD_COMPARISONS_EXCEEDED";

    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";

    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";

    /// <summary>The host's <see cref="IExecutionAdmission"/> could not admit the operation in time.</summary>
    public const string ServerBusy = "SERVER_BUSY";

    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>The work's server went away mid-call (a silo died or left); the same request succeeds once it has moved.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
}
