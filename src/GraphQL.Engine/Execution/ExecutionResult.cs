using System.Text.Json;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>
/// The response of one request (spec 7.1): <c>data</c> when execution started (null when a
/// non-null root field failed), the <c>errors</c>, and optional <c>extensions</c>.
/// </summary>
public sealed class ExecutionResult
{
    private ExecutionResult(bool executionStarted, ResultMap? data, IReadOnlyList<GraphQLError> errors)
    {
        ExecutionStarted = executionStarted;
        Data = data;
        Errors = errors;
    }

    /// <summary>
    /// Whether execution began, so the response has a <c>data</c> entry. False for errors
    /// raised before it (syntax, validation, variables, operation selection, limits).
    /// </summary>
    public bool ExecutionStarted { get; }

    public ResultMap? Data { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static ExecutionResult RequestFailed(IReadOnlyList<GraphQLError> errors) => new(false, null, errors);

    public static ExecutionResult RequestFailed(GraphQLError error) => new(false, null, [error]);

    internal static ExecutionResult Executed(ResultMap? data, IReadOnlyList<GraphQLError> errors) => new(true, data, errors);

    /// <summary>Writes the response object; fields in selection order.</summary>
    public void WriteTo(Utf8JsonWriter writer) => ExecutionResultWriter.Write(writer, this);

    public string ToJson(bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, SkipValidation = true }))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
