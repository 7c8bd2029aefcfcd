using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>Configures an interface type in the code-first API.</summary>
public sealed class InterfaceTypeBuilder : ComplexTypeBuilder<InterfaceTypeBuilder>
{
    internal InterfaceTypeBuilder(SchemaBuilder schema, string name)
        : base(schema, name)
    {
    }

    public InterfaceTypeBuilder ResolveType(TypeResolver resolver)
    {
        Schema.AddTypeResolver(Name, resolver);
        return this;
    }

    internal InterfaceTypeDefinitionNode ToDefinition() => new()
    {
        Name = new NameNode { Value = Name },
        Description = InputValues.Description(TypeDescription),
        Interfaces = InterfaceNodes,
        Fields = FieldNodes,
    };
}
