using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Execution;

/// <summary>Typed access to arguments and the parent object, so resolvers read cleanly.</summary>
public static class ResolverContextExtensions
{
    /// <summary>The coerced argument, or default when it was not given and has no default value.</summary>
    public static T? Argument<T>(this IResolverContext context, string name) =>
        context.Arguments.TryGetValue(name, out var value) && value is T typed ? typed : default;

    /// <summary>The coerced value of a required argument.</summary>
    public static T RequiredArgument<T>(this IResolverContext context, string name) =>
        context.Arguments.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException(
                $"Argument \"{name}\" of field \"{context.ParentType.Name}.{context.Field.Name}\" has no value of type {typeof(T).Name}.");

    /// <summary>The parent object as the CLR type the parent field's resolver returns.</summary>
    public static T Source<T>(this IResolverContext context) =>
        context.Source is T typed
            ? typed
            : throw new InvalidOperationException(
                $"The parent of \"{context.ParentType.Name}.{context.Field.Name}\" is not a {typeof(T).Name}.");

    /// <summary>A service from the request's container.</summary>
    public static T Service<T>(this IResolverContext context)
        where T : notnull =>
        context.Services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException($"No service of type {typeof(T).Name} is registered.");
}
