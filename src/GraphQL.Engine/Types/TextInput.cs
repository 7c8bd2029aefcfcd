using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// The one rule the engine adds to the spec's textual input: no NUL character (U+0000).
/// The spec allows <c>"\u0000"</c> in a String, but no text store or protocol this engine
/// feeds takes it (PostgreSQL's text types refuse it outright), so accepting it would only
/// turn a bad input into a server failure deep inside a resolver. Refusing it here, in input
/// coercion, covers every String and ID argument and variable, in literals and in JSON.
/// </summary>
internal static class TextInput
{
    public static string WithoutNul(string value, string typeName) =>
        value.Contains('\0', StringComparison.Ordinal)
            ? throw new ValueCoercionException(
                $"{typeName} cannot represent a value containing the NUL character (U+0000).", ErrorCodes.BadUserInput)
            : value;
}
