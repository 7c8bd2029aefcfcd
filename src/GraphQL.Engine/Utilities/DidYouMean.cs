namespace InclusionNetwork.GraphQL.Engine.Utilities;

/// <summary>The " Did you mean ...?" tail of error messages, at most five suggestions, worded as graphql-js.</summary>
public static class DidYouMean
{
    private const int MaxSuggestions = 5;

    public static string Format(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var message = " Did you mean " + (subMessage is null ? string.Empty : subMessage + " ");
        if (suggestions.Count == 1)
        {
            return message + Quote(suggestions[0]) + "?";
        }

        if (suggestions.Count == 2)
        {
            return message + Quote(suggestions[0]) + " or " + Quote(suggestions[1]) + "?";
        }

        var count = Math.Min(suggestions.Count, MaxSuggestions);
        var builder = new System.Text.StringBuilder(message);
        for (var i = 0; i < count - 1; i++)
        {
            builder.Append(Quote(suggestions[i])).Append(", ");
        }

        return builder.Append("or ").Append(Quote(suggestions[count - 1])).Append('?').ToString();
    }

    private static string Quote(string value) => "\"" + value + "\"";
}
