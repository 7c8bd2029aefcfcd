using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>Configures one field in the code-first API: arguments, description, deprecation, resolver.</summary>
public sealed class FieldBuilder
{
    private readonly List<InputValueDefinitionNode> _arguments = [];
    private string? _description;
    private string? _deprecationReason;

    internal FieldBuilder(string name, string type)
    {
        Name = name;
        Type = Parser.ParseType(type);
    }

    internal string Name { get; }

    internal TypeNode Type { get; }

    internal FieldResolver? Resolver { get; private set; }

    public FieldBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Adds an argument; <paramref name="defaultValue"/> is a GraphQL literal such as <c>10</c> or <c>"x"</c>.</summary>
    public FieldBuilder Argument(string name, string type, string? defaultValue = null, string? description = null)
    {
        _arguments.Add(InputValues.Definition(name, type, defaultValue, description));
        return this;
    }

    public FieldBuilder Deprecated(string reason = SpecifiedDirectives.DefaultDeprecationReason)
    {
        _deprecationReason = reason;
        return this;
    }

    /// <summary>An asynchronous resolver, e.g. <c>Resolve(async ctx => await repo.FindAsync(...))</c>.</summary>
    public FieldBuilder Resolve(FieldResolver resolver)
    {
        Resolver = resolver;
        return this;
    }

    /// <summary>A synchronous resolver, e.g. <c>Resolve(ctx => "world")</c>.</summary>
    public FieldBuilder Resolve(Func<IResolverContext, object?> resolver)
    {
        Resolver = context => new ValueTask<object?>(resolver(context));
        return this;
    }

    internal FieldDefinitionNode ToDefinition() => new()
    {
        Name = new NameNode { Value = Name },
        Description = InputValues.Description(_description),
        Arguments = _arguments,
        Type = Type,
        Directives = InputValues.Deprecation(_deprecationReason),
    };
}
