namespace InclusionNetwork.GraphQL.Engine.Validation;

/// <summary>Stops the walk once the error limit is reached; never escapes the validator.</summary>
internal sealed class ValidationAbortedException : Exception;
