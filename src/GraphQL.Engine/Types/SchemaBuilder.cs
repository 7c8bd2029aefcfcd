using InclusionNetwork.GraphQL.Engine.Introspection;
using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// Builds a <see cref="Schema"/> from SDL, from code, or both. Code-first definitions are
/// turned into the same syntax nodes SDL parses to, so there is one construction path and
/// a team can write the contract in SDL and bind resolvers to it by name.
/// <code>
/// var schema = new SchemaBuilder()
///     .Object("Query", t => t.Field("hello", "String!", f => f.Resolve(_ => "world")))
///     .Build();
/// var contract = new SchemaBuilder().AddSdl(sdl).Resolve("Query", "hello", _ => "world").Build();
/// </code>
/// </summary>
public sealed class SchemaBuilder
{
    private static readonly DocumentNode IntrospectionDocument = Parser.Parse(IntrospectionTypes.Sdl);
    private static readonly DocumentNode SpecifiedDirectivesDocument = Parser.Parse(SpecifiedDirectives.Sdl);

    private readonly List<DefinitionNode> _definitions = [];
    private readonly List<(string Type, string Field, FieldResolver Resolver)> _resolvers = [];
    private readonly Dictionary<string, TypeResolver> _typeResolvers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<object, bool>> _isTypeOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScalarType> _scalars = new(StringComparer.Ordinal);
    private readonly List<(string Enum, string Value, object Runtime)> _enumValues = [];

    /// <summary>Builds and validates a schema from SDL, like graphql-js's buildASTSchema (extensions included).</summary>
    public static Schema FromSdl(string sdl, SchemaBuildOptions? options = null) => new SchemaBuilder().AddSdl(sdl).Build(options);

    /// <summary>Adds the definitions and extensions of an SDL text.</summary>
    public SchemaBuilder AddSdl(string sdl) => AddDocument(Parser.Parse(sdl));

    public SchemaBuilder AddDocument(DocumentNode document)
    {
        _definitions.AddRange(document.Definitions);
        return this;
    }

    public SchemaBuilder Object(string name, Action<ObjectTypeBuilder> configure)
    {
        var builder = new ObjectTypeBuilder(this, name);
        configure(builder);
        _definitions.Add(builder.ToDefinition());
        return this;
    }

    public SchemaBuilder Interface(string name, Action<InterfaceTypeBuilder> configure)
    {
        var builder = new InterfaceTypeBuilder(this, name);
        configure(builder);
        _definitions.Add(builder.ToDefinition());
        return this;
    }

    public SchemaBuilder Union(string name, Action<UnionTypeBuilder> configure)
    {
        var builder = new UnionTypeBuilder(this, name);
        configure(builder);
        _definitions.Add(builder.ToDefinition());
        return this;
    }

    public SchemaBuilder Enum(string name, Action<EnumTypeBuilder> configure)
    {
        var builder = new EnumTypeBuilder(this, name);
        configure(builder);
        _definitions.Add(builder.ToDefinition());
        return this;
    }

    /// <summary>An enum whose values are the members of a CLR enum, named in UPPER_SNAKE_CASE.</summary>
    public SchemaBuilder Enum<TEnum>(string? name = null, string? description = null)
        where TEnum : struct, System.Enum =>
        Enum(name ?? typeof(TEnum).Name, e =>
        {
            if (description is not null)
            {
                e.Description(description);
            }

            foreach (var value in System.Enum.GetValues<TEnum>())
            {
                e.Value(EnumTypeBuilder.ToEnumValueName(value.ToString()), value);
            }
        });

    public SchemaBuilder InputObject(string name, Action<InputObjectTypeBuilder> configure)
    {
        var builder = new InputObjectTypeBuilder(name);
        configure(builder);
        _definitions.Add(builder.ToDefinition());
        return this;
    }

    /// <summary>
    /// Adds a custom scalar, or supplies the implementation of a scalar the SDL declares.
    /// Date and DateTime are bound automatically when the SDL declares them.
    /// </summary>
    public SchemaBuilder Scalar(ScalarType scalar)
    {
        _scalars[scalar.Name] = scalar;
        return this;
    }

    /// <summary>Binds a resolver to a field declared in SDL or code.</summary>
    public SchemaBuilder Resolve(string typeName, string fieldName, FieldResolver resolver)
    {
        _resolvers.Add((typeName, fieldName, resolver));
        return this;
    }

    /// <summary>Binds a synchronous resolver.</summary>
    public SchemaBuilder Resolve(string typeName, string fieldName, Func<Execution.IResolverContext, object?> resolver) =>
        Resolve(typeName, fieldName, context => new ValueTask<object?>(resolver(context)));

    /// <summary>Says how to find the object type of an interface's or union's runtime value.</summary>
    public SchemaBuilder ResolveType(string abstractTypeName, TypeResolver resolver)
    {
        _typeResolvers[abstractTypeName] = resolver;
        return this;
    }

    /// <summary>Says which runtime values are of an object type.</summary>
    public SchemaBuilder IsTypeOf(string objectTypeName, Func<object, bool> predicate)
    {
        _isTypeOf[objectTypeName] = predicate;
        return this;
    }

    /// <summary>Says which runtime values are of an object type: instances of <typeparamref name="T"/>.</summary>
    public SchemaBuilder IsTypeOf<T>(string objectTypeName) => IsTypeOf(objectTypeName, value => value is T);

    /// <summary>Binds an enum value declared in SDL to the runtime value resolvers use.</summary>
    public SchemaBuilder BindEnumValue(string enumName, string valueName, object runtimeValue)
    {
        _enumValues.Add((enumName, valueName, runtimeValue));
        return this;
    }

    /// <summary>Builds the schema and checks the type system rules of spec section 3.</summary>
    public Schema Build(SchemaBuildOptions? options = null)
    {
        var construction = new SchemaConstruction(
            _definitions, IntrospectionDocument.Definitions, SpecifiedDirectivesDocument.Definitions, _scalars);
        var schema = construction.Build();
        var errors = construction.Errors;
        Bind(schema, errors);
        if (errors.Count == 0 && options?.AssumeValid != true)
        {
            errors.AddRange(SchemaValidator.Validate(schema));
        }

        if (errors.Count > 0)
        {
            throw new SchemaBuildException(errors);
        }

        return schema;
    }

    private void Bind(Schema schema, List<SchemaError> errors)
    {
        foreach (var (typeName, fieldName, resolver) in _resolvers)
        {
            var field = (schema.GetType(typeName) as ComplexType)?.GetField(fieldName);
            if (field is null)
            {
                errors.Add(new SchemaError($"Cannot bind a resolver to \"{typeName}.{fieldName}\": the schema has no such field."));
                continue;
            }

            field.Resolver = resolver;
        }

        foreach (var (typeName, resolver) in _typeResolvers)
        {
            switch (schema.GetType(typeName))
            {
                case InterfaceType @interface:
                    @interface.ResolveType = resolver;
                    break;
                case UnionType union:
                    union.ResolveType = resolver;
                    break;
                default:
                    errors.Add(new SchemaError($"Cannot bind a type resolver to \"{typeName}\": it is not an interface or union."));
                    break;
            }
        }

        foreach (var (typeName, predicate) in _isTypeOf)
        {
            if (schema.GetType(typeName) is ObjectType obj)
            {
                obj.IsTypeOf = predicate;
            }
            else
            {
                errors.Add(new SchemaError($"Cannot bind IsTypeOf to \"{typeName}\": it is not an object type."));
            }
        }

        foreach (var (enumName, valueName, runtime) in _enumValues)
        {
            var value = (schema.GetType(enumName) as EnumType)?.GetValue(valueName);
            if (value is null)
            {
                errors.Add(new SchemaError($"Cannot bind a runtime value to \"{enumName}.{valueName}\": the schema has no such enum value."));
                continue;
            }

            value.Value = runtime;
        }
    }

    internal void AddResolver(string typeName, string fieldName, FieldResolver resolver) =>
        _resolvers.Add((typeName, fieldName, resolver));

    internal void AddIsTypeOf(string typeName, Func<object, bool> predicate) => _isTypeOf[typeName] = predicate;

    internal void AddTypeResolver(string typeName, TypeResolver resolver) => _typeResolvers[typeName] = resolver;

    internal void AddEnumValue(string enumName, string valueName, object runtime) => _enumValues.Add((enumName, valueName, runtime));
}
