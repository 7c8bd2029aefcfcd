using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>What the object and interface builders share: description, interfaces and fields.</summary>
public abstract class ComplexTypeBuilder<TSelf>
    where TSelf : ComplexTypeBuilder<TSelf>
{
    private readonly SchemaBuilder _schema;
    private readonly List<FieldBuilder> _fields = [];
    private readonly List<string> _interfaces = [];

    private protected ComplexTypeBuilder(SchemaBuilder schema, string name)
    {
        _schema = schema;
        Name = name;
    }

    public string Name { get; }

    private protected string? TypeDescription { get; private set; }

    private TSelf Self => (TSelf)this;

    public TSelf Description(string description)
    {
        TypeDescription = description;
        return Self;
    }

    public TSelf Implements(params string[] interfaces)
    {
        _interfaces.AddRange(interfaces);
        return Self;
    }

    /// <summary>Adds a field; <paramref name="type"/> is SDL notation such as <c>[School!]!</c>.</summary>
    public TSelf Field(string name, string type, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, type);
        configure?.Invoke(field);
        _fields.Add(field);
        if (field.Resolver is not null)
        {
            _schema.AddResolver(Name, name, field.Resolver);
        }

        return Self;
    }

    private protected SchemaBuilder Schema => _schema;

    private protected IReadOnlyList<NamedTypeNode> InterfaceNodes => InputValues.Named(_interfaces);

    private protected IReadOnlyList<FieldDefinitionNode> FieldNodes => _fields.ConvertAll(f => f.ToDefinition());
}
