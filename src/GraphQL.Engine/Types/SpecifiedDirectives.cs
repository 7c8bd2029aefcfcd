namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// The SDL of the directives every schema has: @include and @skip (spec 3.13.1-2),
/// @deprecated (3.13.3), @specifiedBy (3.13.4) and @oneOf (from the OneOf input objects
/// addition, as graphql-js ships it). A schema may redefine any of them in SDL.
/// </summary>
public static class SpecifiedDirectives
{
    public const string DefaultDeprecationReason = "No longer supported";

    public static readonly IReadOnlyList<string> Names = ["include", "skip", "deprecated", "specifiedBy", "oneOf"];

    public const string Sdl = """
        "Directs the executor to include this field or fragment only when the `if` argument is true."
        directive @include(
          "Included when true."
          if: Boolean!
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        "Directs the executor to skip this field or fragment when the `if` argument is true."
        directive @skip(
          "Skipped when true."
          if: Boolean!
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        "Marks an element of a GraphQL schema as no longer supported."
        directive @deprecated(
          "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/)."
          reason: String = "No longer supported"
        ) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE

        "Exposes a URL that specifies the behavior of this scalar."
        directive @specifiedBy(
          "The URL that specifies the behavior of this scalar."
          url: String!
        ) on SCALAR

        "Indicates exactly one field must be supplied and this field must not be `null`."
        directive @oneOf on INPUT_OBJECT
        """;

    public static bool IsSpecifiedName(string name)
    {
        foreach (var candidate in Names)
        {
            if (candidate == name)
            {
                return true;
            }
        }

        return false;
    }
}
