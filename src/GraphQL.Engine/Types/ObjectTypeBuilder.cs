using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>Configures an object type in the code-first API.</summary>
public sealed class ObjectTypeBuilder : ComplexTypeBuilder<ObjectTypeBuilder>
{
    internal ObjectTypeBuilder(SchemaBuilder schema, string name)
        : base(schema, name)
    {
    }

    /// <summary>Values that are instances of <typeparamref name="T"/> are of this type (for interfaces and unions).</summary>
    public ObjectTypeBuilder IsTypeOf<T>() => IsTypeOf(value => value is T);

    public ObjectTypeBuilder IsTypeOf(Func<object, bool> predicate)
    {
        Schema.AddIsTypeOf(Name, predicate);
        return this;
    }

    internal ObjectTypeDefinitionNode ToDefinition() => new()
    {
        Name = new NameNode { Value = Name },
        Description = InputValues.Description(TypeDescription),
        Interfaces = InterfaceNodes,
        Fields = FieldNodes,
    };
}
