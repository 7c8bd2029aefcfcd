namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// Any type of the type system: a named type or a list / non-null wrapper around one
/// (spec section 3.4). <see cref="ToString"/> gives the SDL notation, e.g. <c>[Int!]!</c>.
/// </summary>
public abstract class GraphQLType
{
    public abstract TypeKind Kind { get; }

    /// <summary>The named type at the core of any wrapping.</summary>
    public abstract NamedType Named { get; }

    /// <summary>The type without a non-null wrapper (itself when nullable).</summary>
    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    /// <summary>Scalars, enums and input objects, and wrappers of them (spec 3.4.2).</summary>
    public bool IsInputType => Named.Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    /// <summary>Scalars, objects, interfaces, unions and enums, and wrappers of them.</summary>
    public bool IsOutputType => Named.Kind is not TypeKind.InputObject;

    /// <summary>Objects, interfaces and unions: types that have selection sets.</summary>
    public bool IsCompositeType => Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;

    /// <summary>Scalars and enums: types that end a selection.</summary>
    public bool IsLeafType => Kind is TypeKind.Scalar or TypeKind.Enum;

    /// <summary>Interfaces and unions, whose runtime type is one of several object types.</summary>
    public bool IsAbstractType => Kind is TypeKind.Interface or TypeKind.Union;

    public bool IsNonNull => Kind == TypeKind.NonNull;

    public bool IsList => Kind == TypeKind.List;

    public GraphQLType NonNull() => this is NonNullType ? this : new NonNullType(this);

    public ListType List() => new(this);
}
