using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>Configures a union type in the code-first API.</summary>
public sealed class UnionTypeBuilder
{
    private readonly SchemaBuilder _schema;
    private readonly List<string> _members = [];
    private string? _description;

    internal UnionTypeBuilder(SchemaBuilder schema, string name)
    {
        _schema = schema;
        Name = name;
    }

    public string Name { get; }

    public UnionTypeBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    public UnionTypeBuilder Members(params string[] objectTypes)
    {
        _members.AddRange(objectTypes);
        return this;
    }

    public UnionTypeBuilder ResolveType(TypeResolver resolver)
    {
        _schema.AddTypeResolver(Name, resolver);
        return this;
    }

    internal UnionTypeDefinitionNode ToDefinition() => new()
    {
        Name = new NameNode { Value = Name },
        Description = InputValues.Description(_description),
        Types = InputValues.Named(_members),
    };
}
