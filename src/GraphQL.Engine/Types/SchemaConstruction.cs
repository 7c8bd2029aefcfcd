using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// Turns type system definitions and extensions into types (graphql-js buildASTSchema and
/// extendSchema in one pass): creates every named type first, then fills in members, so
/// types may refer to each other in any order. Problems are collected, not thrown.
/// </summary>
internal sealed class SchemaConstruction
{
    private readonly IReadOnlyList<DefinitionNode> _definitions;
    private readonly IReadOnlyList<DefinitionNode> _introspection;
    private readonly IReadOnlyList<DefinitionNode> _specifiedDirectives;
    private readonly IReadOnlyDictionary<string, ScalarType> _scalars;
    private readonly OrderedDictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeDefinitionNode> _typeDefinitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TypeExtensionNode>> _extensions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _referencedStandardScalars = new(StringComparer.Ordinal);

    public SchemaConstruction(
        IReadOnlyList<DefinitionNode> definitions,
        IReadOnlyList<DefinitionNode> introspection,
        IReadOnlyList<DefinitionNode> specifiedDirectives,
        IReadOnlyDictionary<string, ScalarType> scalars)
    {
        _definitions = definitions;
        _introspection = introspection;
        _specifiedDirectives = specifiedDirectives;
        _scalars = scalars;
    }

    public List<SchemaError> Errors { get; } = [];

    public Schema Build()
    {
        SchemaDefinitionNode? schemaDefinition = null;
        var schemaExtensions = new List<SchemaExtensionNode>();
        var directiveDefinitions = new List<DirectiveDefinitionNode>();
        foreach (var definition in _definitions)
        {
            switch (definition)
            {
                case TypeDefinitionNode type:
                    AddTypeDefinition(type, isBuiltIn: false);
                    break;
                case TypeExtensionNode extension:
                    if (!_extensions.TryGetValue(extension.Name.Value, out var list))
                    {
                        list = [];
                        _extensions[extension.Name.Value] = list;
                    }

                    list.Add(extension);
                    break;
                case DirectiveDefinitionNode directive:
                    directiveDefinitions.Add(directive);
                    break;
                case SchemaDefinitionNode schemaNode:
                    if (schemaDefinition is not null)
                    {
                        Errors.Add(new SchemaError("Must provide only one schema definition.", schemaNode));
                    }

                    schemaDefinition ??= schemaNode;
                    break;
                case SchemaExtensionNode extension:
                    schemaExtensions.Add(extension);
                    break;
                default:
                    Errors.Add(new SchemaError("A schema document may contain only type system definitions and extensions.", definition));
                    break;
            }
        }

        foreach (var definition in _introspection)
        {
            AddTypeDefinition((TypeDefinitionNode)definition, isBuiltIn: true);
        }

        foreach (var (name, extensions) in _extensions)
        {
            if (!_types.ContainsKey(name) && !SpecifiedScalars.IsStandardName(name))
            {
                foreach (var extension in extensions)
                {
                    Errors.Add(new SchemaError($"Cannot extend type \"{name}\" because it is not defined.", extension.Name));
                }
            }
        }

        foreach (var type in _types.Values.ToList())
        {
            FillMembers(type);
        }

        var directives = BuildDirectives(directiveDefinitions);
        var (query, mutation, subscription) = FindRootTypes(schemaDefinition, schemaExtensions);
        var schema = new Schema(OrderTypes(), directives, query, mutation, subscription)
        {
            AstNode = schemaDefinition,
            ExtensionAstNodes = schemaExtensions,
            Description = schemaDefinition?.Description?.Value,
        };
        return schema;
    }

    private void AddTypeDefinition(TypeDefinitionNode definition, bool isBuiltIn)
    {
        var name = definition.Name.Value;
        if (_typeDefinitions.ContainsKey(name))
        {
            // Standard scalars and introspection types may be restated (e.g. by a prelude); the
            // engine's own definition wins, as in graphql-js.
            if (!isBuiltIn && !IsBuiltInName(name))
            {
                Errors.Add(new SchemaError($"There can be only one type named \"{name}\".", _typeDefinitions[name].Name, definition.Name));
            }

            return;
        }

        if (!isBuiltIn && IsBuiltInName(name))
        {
            if (SpecifiedScalars.IsStandardName(name))
            {
                _referencedStandardScalars.Add(name);
            }

            return;
        }

        _typeDefinitions[name] = definition;
        NamedType type = definition switch
        {
            ScalarTypeDefinitionNode => _scalars.GetValueOrDefault(name) ?? SpecifiedScalars.Find(name) ?? new ScalarType(name),
            ObjectTypeDefinitionNode => new ObjectType(name),
            InterfaceTypeDefinitionNode => new InterfaceType(name),
            UnionTypeDefinitionNode => new UnionType(name),
            EnumTypeDefinitionNode => new EnumType(name),
            InputObjectTypeDefinitionNode => new InputObjectType(name),
            _ => throw new ArgumentException($"Unknown type definition kind {definition.Kind}.", nameof(definition)),
        };
        type.AstNode = definition;
        _types[name] = type;
    }

    private static bool IsBuiltInName(string name) =>
        SpecifiedScalars.IsStandardName(name) || Introspection.IntrospectionTypes.Names.Contains(name);

    /// <summary>User types in definition order, then the standard scalars in use, then introspection.</summary>
    private OrderedDictionary<string, NamedType> OrderTypes()
    {
        var ordered = new OrderedDictionary<string, NamedType>(StringComparer.Ordinal);
        foreach (var (name, type) in _types)
        {
            if (!type.IsIntrospectionType)
            {
                ordered[name] = type;
            }
        }

        _referencedStandardScalars.Add("String");
        _referencedStandardScalars.Add("Boolean");
        foreach (var scalar in SpecifiedScalars.Standard)
        {
            if (_referencedStandardScalars.Contains(scalar.Name))
            {
                ordered[scalar.Name] = scalar;
            }
        }

        foreach (var (name, type) in _types)
        {
            if (type.IsIntrospectionType)
            {
                ordered[name] = type;
            }
        }

        return ordered;
    }

    private NamedType? LookupNamedType(NamedTypeNode node)
    {
        var name = node.Name.Value;
        if (_types.TryGetValue(name, out var type))
        {
            return type;
        }

        if (SpecifiedScalars.IsStandardName(name))
        {
            _referencedStandardScalars.Add(name);
            return SpecifiedScalars.Find(name);
        }

        Errors.Add(new SchemaError($"Unknown type \"{name}\".", node));
        return null;
    }

    private GraphQLType? ResolveTypeReference(TypeNode node) => node switch
    {
        NamedTypeNode named => LookupNamedType(named),
        ListTypeNode list => ResolveTypeReference(list.Type) is { } inner ? new ListType(inner) : null,
        NonNullTypeNode nonNull => ResolveTypeReference(nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        _ => null,
    };

    private void FillMembers(NamedType type)
    {
        var definition = type.AstNode!;
        var extensions = _extensions.GetValueOrDefault(type.Name) ?? [];
        type.Description = definition.Description?.Value;
        type.ExtensionAstNodes = extensions;
        var applied = new List<DirectiveNode>(definition.Directives);
        foreach (var extension in extensions)
        {
            if (!ExtensionMatches(type, extension))
            {
                Errors.Add(new SchemaError($"Cannot extend non-{KindName(type)} type \"{type.Name}\".", extension.Name));
                continue;
            }

            applied.AddRange(extension.Directives);
        }

        type.AppliedDirectives = applied;
        switch (type)
        {
            case ScalarType scalar:
                if (FindDirective(applied, "specifiedBy") is { } specifiedBy &&
                    FindArgument(specifiedBy, "url") is StringValueNode url)
                {
                    scalar.SpecifiedByUrl = url.Value;
                }

                break;
            case ComplexType complex:
                FillComplexType(complex, definition, extensions);
                break;
            case UnionType union:
                FillUnion(union, (UnionTypeDefinitionNode)definition, extensions);
                break;
            case EnumType @enum:
                FillEnum(@enum, (EnumTypeDefinitionNode)definition, extensions);
                break;
            case InputObjectType input:
                input.IsOneOf = FindDirective(applied, "oneOf") is not null;
                FillInputObject(input, (InputObjectTypeDefinitionNode)definition, extensions);
                break;
        }
    }

    private static bool ExtensionMatches(NamedType type, TypeExtensionNode extension) => (type, extension) switch
    {
        (ScalarType, ScalarTypeExtensionNode) => true,
        (ObjectType, ObjectTypeExtensionNode) => true,
        (InterfaceType, InterfaceTypeExtensionNode) => true,
        (UnionType, UnionTypeExtensionNode) => true,
        (EnumType, EnumTypeExtensionNode) => true,
        (InputObjectType, InputObjectTypeExtensionNode) => true,
        _ => false,
    };

    private static string KindName(NamedType type) => type.Kind switch
    {
        TypeKind.Scalar => "scalar",
        TypeKind.Object => "object",
        TypeKind.Interface => "interface",
        TypeKind.Union => "union",
        TypeKind.Enum => "enum",
        _ => "input object",
    };

    private void FillComplexType(ComplexType type, TypeDefinitionNode definition, List<TypeExtensionNode> extensions)
    {
        var (interfaces, fields) = definition switch
        {
            ObjectTypeDefinitionNode o => (o.Interfaces, o.Fields),
            InterfaceTypeDefinitionNode i => (i.Interfaces, i.Fields),
            _ => ((IReadOnlyList<NamedTypeNode>)[], (IReadOnlyList<FieldDefinitionNode>)[]),
        };
        AddInterfaces(type, interfaces);
        AddFields(type, fields);
        foreach (var extension in extensions)
        {
            switch (extension)
            {
                case ObjectTypeExtensionNode o when type is ObjectType:
                    AddInterfaces(type, o.Interfaces);
                    AddFields(type, o.Fields);
                    break;
                case InterfaceTypeExtensionNode i when type is InterfaceType:
                    AddInterfaces(type, i.Interfaces);
                    AddFields(type, i.Fields);
                    break;
            }
        }
    }

    private void AddInterfaces(ComplexType type, IReadOnlyList<NamedTypeNode> interfaces)
    {
        foreach (var node in interfaces)
        {
            switch (LookupNamedType(node))
            {
                case InterfaceType @interface:
                    if (type.InterfaceList.Contains(@interface))
                    {
                        Errors.Add(new SchemaError($"Type {type.Name} can only implement {@interface.Name} once.", node));
                    }
                    else
                    {
                        type.InterfaceList.Add(@interface);
                    }

                    break;
                case { } other:
                    Errors.Add(new SchemaError(
                        $"Type {type.Name} must only implement Interface types, it cannot implement {other.Name}.", node));
                    break;
            }
        }
    }

    private void AddFields(ComplexType type, IReadOnlyList<FieldDefinitionNode> fields)
    {
        foreach (var node in fields)
        {
            var name = node.Name.Value;
            if (type.FieldMap.TryGetValue(name, out var existing))
            {
                Errors.Add(new SchemaError($"Field \"{type.Name}.{name}\" can only be defined once.", existing.AstNode?.Name, node.Name));
                continue;
            }

            var fieldType = ResolveTypeReference(node.Type);
            if (fieldType is null)
            {
                continue;
            }

            var field = new FieldDefinition(name, fieldType, node.Description?.Value)
            {
                AstNode = node,
                AppliedDirectives = node.Directives,
                DeprecationReason = DeprecationReason(node.Directives),
            };
            AddArguments(field.ArgumentMap, node.Arguments, $"{type.Name}.{name}");
            type.FieldMap[name] = field;
        }
    }

    private void AddArguments(OrderedDictionary<string, InputValueDefinition> map, IReadOnlyList<InputValueDefinitionNode> nodes, string owner)
    {
        foreach (var node in nodes)
        {
            var name = node.Name.Value;
            if (map.TryGetValue(name, out var existing))
            {
                Errors.Add(new SchemaError($"Argument \"{owner}({name}:)\" can only be defined once.", existing.AstNode?.Name, node.Name));
                continue;
            }

            if (BuildInputValue(node) is { } value)
            {
                map[name] = value;
            }
        }
    }

    private InputValueDefinition? BuildInputValue(InputValueDefinitionNode node)
    {
        var type = ResolveTypeReference(node.Type);
        if (type is null)
        {
            return null;
        }

        return new InputValueDefinition(node.Name.Value, type, node.DefaultValue, node.Description?.Value)
        {
            AstNode = node,
            AppliedDirectives = node.Directives,
            DeprecationReason = DeprecationReason(node.Directives),
        };
    }

    private void FillUnion(UnionType union, UnionTypeDefinitionNode definition, List<TypeExtensionNode> extensions)
    {
        AddMembers(union, definition.Types);
        foreach (var extension in extensions)
        {
            if (extension is UnionTypeExtensionNode u)
            {
                AddMembers(union, u.Types);
            }
        }
    }

    private void AddMembers(UnionType union, IReadOnlyList<NamedTypeNode> members)
    {
        foreach (var node in members)
        {
            switch (LookupNamedType(node))
            {
                case ObjectType obj:
                    if (union.TypeList.Contains(obj))
                    {
                        Errors.Add(new SchemaError($"Union type {union.Name} can only include type {obj.Name} once.", node));
                    }
                    else
                    {
                        union.TypeList.Add(obj);
                    }

                    break;
                case { } other:
                    Errors.Add(new SchemaError(
                        $"Union type {union.Name} can only include Object types, it cannot include {other.Name}.", node));
                    break;
            }
        }
    }

    private void FillEnum(EnumType @enum, EnumTypeDefinitionNode definition, List<TypeExtensionNode> extensions)
    {
        AddEnumValues(@enum, definition.Values);
        foreach (var extension in extensions)
        {
            if (extension is EnumTypeExtensionNode e)
            {
                AddEnumValues(@enum, e.Values);
            }
        }
    }

    private void AddEnumValues(EnumType @enum, IReadOnlyList<EnumValueDefinitionNode> values)
    {
        foreach (var node in values)
        {
            var name = node.Name.Value;
            if (@enum.ValueMap.TryGetValue(name, out var existing))
            {
                Errors.Add(new SchemaError($"Enum value \"{@enum.Name}.{name}\" can only be defined once.", existing.AstNode?.Name, node.Name));
                continue;
            }

            @enum.ValueMap[name] = new EnumValueDefinition(name, null, node.Description?.Value)
            {
                AstNode = node,
                AppliedDirectives = node.Directives,
                DeprecationReason = DeprecationReason(node.Directives),
            };
        }
    }

    private void FillInputObject(InputObjectType input, InputObjectTypeDefinitionNode definition, List<TypeExtensionNode> extensions)
    {
        AddInputFields(input, definition.Fields);
        foreach (var extension in extensions)
        {
            if (extension is InputObjectTypeExtensionNode i)
            {
                AddInputFields(input, i.Fields);
            }
        }
    }

    private void AddInputFields(InputObjectType input, IReadOnlyList<InputValueDefinitionNode> fields)
    {
        foreach (var node in fields)
        {
            var name = node.Name.Value;
            if (input.FieldMap.TryGetValue(name, out var existing))
            {
                Errors.Add(new SchemaError($"Field \"{input.Name}.{name}\" can only be defined once.", existing.AstNode?.Name, node.Name));
                continue;
            }

            if (BuildInputValue(node) is { } value)
            {
                input.FieldMap[name] = value;
            }
        }
    }

    private OrderedDictionary<string, DirectiveDefinition> BuildDirectives(List<DirectiveDefinitionNode> definitions)
    {
        var directives = new OrderedDictionary<string, DirectiveDefinition>(StringComparer.Ordinal);
        foreach (var node in definitions)
        {
            var name = node.Name.Value;
            if (directives.TryGetValue(name, out var existing))
            {
                Errors.Add(new SchemaError($"There can be only one directive named \"@{name}\".", existing.AstNode?.Name, node.Name));
                continue;
            }

            directives[name] = BuildDirective(node);
        }

        foreach (var definition in _specifiedDirectives)
        {
            var node = (DirectiveDefinitionNode)definition;
            if (!directives.ContainsKey(node.Name.Value))
            {
                var directive = BuildDirective(node);
                directive.AstNode = null;
                directives[node.Name.Value] = directive;
            }
        }

        return directives;
    }

    private DirectiveDefinition BuildDirective(DirectiveDefinitionNode node)
    {
        var locations = new string[node.Locations.Count];
        for (var i = 0; i < locations.Length; i++)
        {
            locations[i] = node.Locations[i].Value;
        }

        var directive = new DirectiveDefinition(node.Name.Value, locations, node.Repeatable, node.Description?.Value) { AstNode = node };
        AddArguments(directive.ArgumentMap, node.Arguments, "@" + node.Name.Value);
        return directive;
    }

    private (ObjectType? Query, ObjectType? Mutation, ObjectType? Subscription) FindRootTypes(
        SchemaDefinitionNode? definition, List<SchemaExtensionNode> extensions)
    {
        var operationTypes = new List<OperationTypeDefinitionNode>();
        if (definition is not null)
        {
            operationTypes.AddRange(definition.OperationTypes);
        }

        foreach (var extension in extensions)
        {
            operationTypes.AddRange(extension.OperationTypes);
        }

        if (definition is null && operationTypes.Count == 0)
        {
            return (
                _types.GetValueOrDefault("Query") as ObjectType,
                _types.GetValueOrDefault("Mutation") as ObjectType,
                _types.GetValueOrDefault("Subscription") as ObjectType);
        }

        ObjectType? query = null, mutation = null, subscription = null;
        var seen = new Dictionary<OperationType, OperationTypeDefinitionNode>();
        foreach (var node in operationTypes)
        {
            var keyword = Printer.OperationKeyword(node.Operation);
            if (seen.TryGetValue(node.Operation, out var previous))
            {
                Errors.Add(new SchemaError($"There can be only one {keyword} type in schema.", previous, node));
                continue;
            }

            seen[node.Operation] = node;
            var type = LookupNamedType(node.Type);
            if (type is null)
            {
                continue;
            }

            if (type is not ObjectType obj)
            {
                var label = char.ToUpperInvariant(keyword[0]) + keyword[1..];
                Errors.Add(new SchemaError($"{label} root type must be Object type, it cannot be {type.Name}.", node.Type));
                continue;
            }

            switch (node.Operation)
            {
                case OperationType.Query: query = obj; break;
                case OperationType.Mutation: mutation = obj; break;
                default: subscription = obj; break;
            }
        }

        return (query, mutation, subscription);
    }

    internal static DirectiveNode? FindDirective(IReadOnlyList<DirectiveNode> directives, string name)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value == name)
            {
                return directive;
            }
        }

        return null;
    }

    internal static ValueNode? FindArgument(DirectiveNode directive, string name)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name.Value == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        var deprecated = FindDirective(directives, "deprecated");
        if (deprecated is null)
        {
            return null;
        }

        return FindArgument(deprecated, "reason") is StringValueNode reason ? reason.Value : SpecifiedDirectives.DefaultDeprecationReason;
    }
}
