using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Types;

/// <summary>
/// The type system rules of spec section 3 that a built schema must satisfy: reserved
/// names, non-empty types, input and output positions, interface implementation
/// (3.6 IsValidImplementation), union membership, @oneOf inputs and input object cycles
/// through non-null fields. Messages are worded as graphql-js's validateSchema.
/// </summary>
public static class SchemaValidator
{
    public static IReadOnlyList<SchemaError> Validate(Schema schema)
    {
        var errors = new List<SchemaError>();
        if (schema.QueryType is null)
        {
            errors.Add(new SchemaError("Query root type must be provided.", schema.AstNode));
        }

        foreach (var directive in schema.Directives.Values)
        {
            if (directive.AstNode is null)
            {
                continue;
            }

            ValidateName(errors, directive.Name, directive.AstNode.Name);
            foreach (var argument in directive.Arguments.Values)
            {
                ValidateName(errors, argument.Name, argument.AstNode?.Name);
                if (!argument.Type.IsInputType)
                {
                    errors.Add(new SchemaError(
                        $"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.", argument.AstNode?.Type));
                }

                if (argument.IsRequired && argument.IsDeprecated)
                {
                    errors.Add(new SchemaError(
                        $"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.", DeprecatedNode(argument.AppliedDirectives), argument.AstNode?.Type));
                }
            }
        }

        var cycles = new InputObjectCycleFinder(errors);
        foreach (var type in schema.Types.Values)
        {
            if (type.IsIntrospectionType)
            {
                continue;
            }

            ValidateName(errors, type.Name, type.AstNode?.Name);
            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(errors, complex);
                    ValidateInterfaces(errors, schema, complex);
                    break;
                case UnionType union when union.Types.Count == 0:
                    errors.Add(new SchemaError($"Union type {union.Name} must define one or more member types.", union.AstNode));
                    break;
                case EnumType @enum:
                    if (@enum.Values.Count == 0)
                    {
                        errors.Add(new SchemaError($"Enum type {@enum.Name} must define one or more values.", @enum.AstNode));
                    }

                    foreach (var value in @enum.Values.Values)
                    {
                        ValidateName(errors, value.Name, value.AstNode?.Name);
                    }

                    break;
                case InputObjectType input:
                    ValidateInputFields(errors, input);
                    cycles.Check(input);
                    break;
            }
        }

        return errors;
    }

    private static void ValidateName(List<SchemaError> errors, string name, SyntaxNode? node)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add(new SchemaError($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node));
        }
    }

    private static DirectiveNode? DeprecatedNode(IReadOnlyList<DirectiveNode> directives) =>
        SchemaConstruction.FindDirective(directives, "deprecated");

    private static void ValidateFields(List<SchemaError> errors, ComplexType type)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add(new SchemaError($"Type {type.Name} must define one or more fields.", type.AstNode));
        }

        foreach (var field in type.Fields.Values)
        {
            ValidateName(errors, field.Name, field.AstNode?.Name);
            if (!field.Type.IsOutputType)
            {
                errors.Add(new SchemaError(
                    $"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.AstNode?.Type));
            }

            foreach (var argument in field.Arguments.Values)
            {
                ValidateName(errors, argument.Name, argument.AstNode?.Name);
                if (!argument.Type.IsInputType)
                {
                    errors.Add(new SchemaError(
                        $"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.",
                        argument.AstNode?.Type));
                }

                if (argument.IsRequired && argument.IsDeprecated)
                {
                    errors.Add(new SchemaError(
                        $"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.",
                        DeprecatedNode(argument.AppliedDirectives), argument.AstNode?.Type));
                }
            }
        }
    }

    private static void ValidateInterfaces(List<SchemaError> errors, Schema schema, ComplexType type)
    {
        foreach (var @interface in type.Interfaces)
        {
            if (ReferenceEquals(@interface, type))
            {
                errors.Add(new SchemaError(
                    $"Type {type.Name} cannot implement itself because it would create a circular reference.", ImplementsNode(type, @interface.Name)));
                continue;
            }

            ValidateImplementsAncestors(errors, type, @interface);
            ValidateImplementsInterface(errors, schema, type, @interface);
        }
    }

    private static void ValidateImplementsAncestors(List<SchemaError> errors, ComplexType type, InterfaceType @interface)
    {
        foreach (var transitive in @interface.Interfaces)
        {
            if (!type.Interfaces.Contains(transitive))
            {
                errors.Add(new SchemaError(
                    ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {@interface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {@interface.Name}.",
                    ImplementsNode(@interface, transitive.Name), ImplementsNode(type, @interface.Name)));
            }
        }
    }

    private static void ValidateImplementsInterface(List<SchemaError> errors, Schema schema, ComplexType type, InterfaceType @interface)
    {
        foreach (var interfaceField in @interface.Fields.Values)
        {
            var fieldName = interfaceField.Name;
            var typeField = type.GetField(fieldName);
            if (typeField is null)
            {
                errors.Add(new SchemaError(
                    $"Interface field {@interface.Name}.{fieldName} expected but {type.Name} does not provide it.",
                    interfaceField.AstNode, type.AstNode));
                continue;
            }

            if (!TypeComparators.IsTypeSubTypeOf(schema, typeField.Type, interfaceField.Type))
            {
                errors.Add(new SchemaError(
                    $"Interface field {@interface.Name}.{fieldName} expects type {interfaceField.Type} but {type.Name}.{fieldName} is type {typeField.Type}.",
                    interfaceField.AstNode?.Type, typeField.AstNode?.Type));
            }

            foreach (var interfaceArgument in interfaceField.Arguments.Values)
            {
                var typeArgument = typeField.GetArgument(interfaceArgument.Name);
                if (typeArgument is null)
                {
                    errors.Add(new SchemaError(
                        $"Interface field argument {@interface.Name}.{fieldName}({interfaceArgument.Name}:) expected but {type.Name}.{fieldName} does not provide it.",
                        interfaceArgument.AstNode, typeField.AstNode));
                    continue;
                }

                if (!TypeComparators.IsEqualType(interfaceArgument.Type, typeArgument.Type))
                {
                    errors.Add(new SchemaError(
                        $"Interface field argument {@interface.Name}.{fieldName}({interfaceArgument.Name}:) expects type {interfaceArgument.Type} but {type.Name}.{fieldName}({interfaceArgument.Name}:) is type {typeArgument.Type}.",
                        interfaceArgument.AstNode?.Type, typeArgument.AstNode?.Type));
                }
            }

            foreach (var typeArgument in typeField.Arguments.Values)
            {
                if (typeArgument.IsRequired && interfaceField.GetArgument(typeArgument.Name) is null)
                {
                    errors.Add(new SchemaError(
                        $"Object field {type.Name}.{fieldName} includes required argument {typeArgument.Name} that is missing from the Interface field {@interface.Name}.{fieldName}.",
                        typeArgument.AstNode, interfaceField.AstNode));
                }
            }
        }
    }

    private static NamedTypeNode? ImplementsNode(ComplexType type, string interfaceName)
    {
        var lists = new List<IReadOnlyList<NamedTypeNode>>();
        switch (type.AstNode)
        {
            case ObjectTypeDefinitionNode o: lists.Add(o.Interfaces); break;
            case InterfaceTypeDefinitionNode i: lists.Add(i.Interfaces); break;
        }

        foreach (var extension in type.ExtensionAstNodes)
        {
            switch (extension)
            {
                case ObjectTypeExtensionNode o: lists.Add(o.Interfaces); break;
                case InterfaceTypeExtensionNode i: lists.Add(i.Interfaces); break;
            }
        }

        foreach (var list in lists)
        {
            foreach (var node in list)
            {
                if (node.Name.Value == interfaceName)
                {
                    return node;
                }
            }
        }

        return null;
    }

    private static void ValidateInputFields(List<SchemaError> errors, InputObjectType input)
    {
        if (input.Fields.Count == 0)
        {
            errors.Add(new SchemaError($"Input Object type {input.Name} must define one or more fields.", input.AstNode));
        }

        foreach (var field in input.Fields.Values)
        {
            ValidateName(errors, field.Name, field.AstNode?.Name);
            if (!field.Type.IsInputType)
            {
                errors.Add(new SchemaError(
                    $"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.AstNode?.Type));
            }

            if (field.IsRequired && field.IsDeprecated)
            {
                errors.Add(new SchemaError(
                    $"Required input field {input.Name}.{field.Name} cannot be deprecated.",
                    DeprecatedNode(field.AppliedDirectives), field.AstNode?.Type));
            }

            if (input.IsOneOf)
            {
                if (field.Type.IsNonNull)
                {
                    errors.Add(new SchemaError($"OneOf input field {input.Name}.{field.Name} must be nullable.", field.AstNode?.Type));
                }

                if (field.HasDefaultValue)
                {
                    errors.Add(new SchemaError($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.AstNode));
                }
            }
        }
    }

    /// <summary>
    /// Finds input objects that contain themselves through non-null fields only: no finite
    /// value could ever be written for them (spec 3.10, Circular References).
    /// </summary>
    private sealed class InputObjectCycleFinder(List<SchemaError> errors)
    {
        private readonly HashSet<InputObjectType> _visited = [];
        private readonly List<InputValueDefinition> _path = [];
        private readonly Dictionary<InputObjectType, int> _pathIndexByType = [];

        public void Check(InputObjectType input)
        {
            if (!_visited.Add(input))
            {
                return;
            }

            _pathIndexByType[input] = _path.Count;
            foreach (var field in input.Fields.Values)
            {
                if (field.Type is NonNullType { OfType: InputObjectType fieldType })
                {
                    _path.Add(field);
                    if (_pathIndexByType.TryGetValue(fieldType, out var cycleIndex))
                    {
                        var names = new List<string>();
                        var nodes = new List<SyntaxNode?>();
                        for (var i = cycleIndex; i < _path.Count; i++)
                        {
                            names.Add(_path[i].Name);
                            nodes.Add(_path[i].AstNode);
                        }

                        errors.Add(new SchemaError(
                            $"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{string.Join('.', names)}\".",
                            [.. nodes]));
                    }
                    else
                    {
                        Check(fieldType);
                    }

                    _path.RemoveAt(_path.Count - 1);
                }
            }

            _pathIndexByType.Remove(input);
        }
    }
}
