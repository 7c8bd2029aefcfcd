using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// A type with a name: scalar, object, interface, union, enum or input object. Named types
/// are compared by reference; a schema holds exactly one instance per name.
/// </summary>
public abstract class NamedType : GraphQLType
{
    protected NamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public override NamedType Named => this;

    /// <summary>The definition this type was built from, when it came from SDL.</summary>
    public TypeDefinitionNode? AstNode { get; internal set; }

    /// <summary>The extensions that added to this type, in document order.</summary>
    public IReadOnlyList<TypeExtensionNode> ExtensionAstNodes { get; internal set; } = [];

    /// <summary>Directives applied to the type in SDL (definition and extensions).</summary>
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; internal set; } = [];

    /// <summary>Whether this is one of the types defined by the spec's introspection system.</summary>
    public bool IsIntrospectionType => Name.StartsWith("__", StringComparison.Ordinal);

    public override string ToString() => Name;
}
