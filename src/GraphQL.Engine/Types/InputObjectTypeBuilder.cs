using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>Configures an input object type in the code-first API.</summary>
public sealed class InputObjectTypeBuilder
{
    private readonly List<InputValueDefinitionNode> _fields = [];
    private string? _description;
    private bool _oneOf;

    internal InputObjectTypeBuilder(string name) => Name = name;

    public string Name { get; }

    public InputObjectTypeBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Adds a field; <paramref name="defaultValue"/> is a GraphQL literal.</summary>
    public InputObjectTypeBuilder Field(string name, string type, string? defaultValue = null, string? description = null)
    {
        _fields.Add(InputValues.Definition(name, type, defaultValue, description));
        return this;
    }

    /// <summary>Exactly one field must be given (<c>@oneOf</c>).</summary>
    public InputObjectTypeBuilder OneOf()
    {
        _oneOf = true;
        return this;
    }

    internal InputObjectTypeDefinitionNode ToDefinition() => new()
    {
        Name = new NameNode { Value = Name },
        Description = InputValues.Description(_description),
        Directives = _oneOf ? [new DirectiveNode { Name = new NameNode { Value = "oneOf" } }] : [],
        Fields = _fields,
    };
}
