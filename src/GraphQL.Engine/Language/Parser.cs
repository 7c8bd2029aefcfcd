namespace InclusionNetwork.GraphQL.Engine.Language;

/// <summary>
/// Recursive-descent parser for the whole October 2021 grammar: executable documents and
/// type system definitions and extensions (spec sections 2 and 3). Errors are
/// <see cref="GraphQLSyntaxException"/>s that say what was expected where.
/// </summary>
public sealed class Parser
{
    private readonly Lexer _lexer;
    private readonly int? _maxTokens;
    private readonly int? _maxNesting;
    private readonly CancellationToken _cancellationToken;
    private int _tokenCount;
    private int _nesting;
    private int _tokensSinceCancellationCheck;

    private Parser(string source, ParserOptions? options, CancellationToken cancellationToken = default)
    {
        _lexer = new Lexer(source);
        _maxTokens = options?.MaxTokens;
        _maxNesting = (options ?? ParserOptions.Default).MaxNesting;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses a whole document.</summary>
    public static DocumentNode Parse(string source, ParserOptions? options = null) =>
        new Parser(source, options).ParseDocument();

    /// <summary>Parses a whole document, giving up with <see cref="OperationCanceledException"/> once the token is cancelled.</summary>
    public static DocumentNode Parse(string source, ParserOptions? options, CancellationToken cancellationToken) =>
        new Parser(source, options, cancellationToken).ParseDocument();

    /// <summary>Parses a single value literal, which may contain variables, e.g. <c>[1, $x]</c>.</summary>
    public static ValueNode ParseValue(string source) => new Parser(source, null).ParseWhole(p => p.ParseValueLiteral(false));

    /// <summary>Parses a single constant value literal (no variables), e.g. a default value.</summary>
    public static ValueNode ParseConstValue(string source) => new Parser(source, null).ParseWhole(p => p.ParseValueLiteral(true));

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source) => new Parser(source, null).ParseWhole(p => p.ParseTypeReference());

    private T ParseWhole<T>(Func<Parser, T> parse)
    {
        Expect(TokenKind.StartOfFile);
        var result = parse(this);
        Expect(TokenKind.EndOfFile);
        return result;
    }

    private Token Current => _lexer.Token;

    private DocumentNode ParseDocument()
    {
        var start = Current;
        Expect(TokenKind.StartOfFile);
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (!Skip(TokenKind.EndOfFile));

        return new DocumentNode { Definitions = definitions, Location = LocationFrom(start) };
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceLeft))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = PeekDescription();
        var keywordToken = hasDescription ? _lexer.Lookahead() : Current;
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
            }

            if (hasDescription)
            {
                throw Error(Current.Start, "Unexpected description, descriptions are supported only on type definitions.");
            }

            switch (keywordToken.Value)
            {
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
                case "extend":
                    return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(keywordToken);
    }

    // Executable definitions (spec 2.3 - 2.8)

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = Current;
        if (Peek(TokenKind.BraceLeft))
        {
            var selectionSet = ParseSelectionSet();
            return new OperationDefinitionNode
            {
                Operation = OperationType.Query,
                SelectionSet = selectionSet,
                Location = LocationFrom(start),
            };
        }

        var operation = ParseOperationType();
        NameNode? name = null;
        if (Peek(TokenKind.Name))
        {
            name = ParseName();
        }

        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(false);
        var set = ParseSelectionSet();
        return new OperationDefinitionNode
        {
            Operation = operation,
            Name = name,
            VariableDefinitions = variables,
            Directives = directives,
            SelectionSet = set,
            Location = LocationFrom(start),
        };
    }

    private OperationType ParseOperationType()
    {
        var token = ExpectToken(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!Skip(TokenKind.ParenLeft))
        {
            return [];
        }

        var list = new List<VariableDefinitionNode>();
        do
        {
            list.Add(ParseVariableDefinition());
        }
        while (!Skip(TokenKind.ParenRight));

        return list;
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = Current;
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = null;
        if (Skip(TokenKind.Equals))
        {
            defaultValue = ParseValueLiteral(true);
        }

        var directives = ParseDirectives(true);
        return new VariableDefinitionNode
        {
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    private VariableNode ParseVariable()
    {
        var start = Current;
        Expect(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode { Name = name, Location = LocationFrom(start) };
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = Current;
        Nest(start);
        Expect(TokenKind.BraceLeft);
        var selections = new List<SelectionNode>();
        do
        {
            selections.Add(ParseSelection());
        }
        while (!Skip(TokenKind.BraceRight));

        _nesting--;
        return new SelectionSetNode { Selections = selections, Location = LocationFrom(start) };
    }

    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    private FieldNode ParseField()
    {
        var start = Current;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (Skip(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        var arguments = ParseArguments(false);
        var directives = ParseDirectives(false);
        var selectionSet = Peek(TokenKind.BraceLeft) ? ParseSelectionSet() : null;
        return new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = arguments,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!Skip(TokenKind.ParenLeft))
        {
            return [];
        }

        var list = new List<ArgumentNode>();
        do
        {
            var start = Current;
            var name = ParseName();
            Expect(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            list.Add(new ArgumentNode { Name = name, Value = value, Location = LocationFrom(start) });
        }
        while (!Skip(TokenKind.ParenRight));

        return list;
    }

    private SelectionNode ParseFragment()
    {
        var start = Current;
        Expect(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(false);
            return new FragmentSpreadNode { Name = name, Directives = spreadDirectives, Location = LocationFrom(start) };
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode
        {
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = Current;
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode
        {
            Name = name,
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    private NameNode ParseFragmentName()
    {
        if (Current.Kind == TokenKind.Name && Current.Value == "on")
        {
            throw Unexpected(Current);
        }

        return ParseName();
    }

    // Values (spec 2.9)

    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.BracketLeft:
                return ParseList(isConst);
            case TokenKind.BraceLeft:
                return ParseObject(isConst);
            case TokenKind.Int:
                Advance();
                return new IntValueNode { Value = token.Value!, Location = LocationFrom(token) };
            case TokenKind.Float:
                Advance();
                return new FloatValueNode { Value = token.Value!, Location = LocationFrom(token) };
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode { Value = true, Location = LocationFrom(token) },
                    "false" => new BooleanValueNode { Value = false, Location = LocationFrom(token) },
                    "null" => new NullValueNode { Location = LocationFrom(token) },
                    _ => new EnumValueNode { Value = token.Value!, Location = LocationFrom(token) },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    var next = _lexer.Lookahead();
                    if (next.Kind == TokenKind.Name)
                    {
                        throw Error(token.Start, $"Unexpected variable \"${next.Value}\" in constant value.");
                    }

                    throw Unexpected(token);
                }

                return ParseVariable();
            default:
                throw Unexpected(token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = Current;
        Advance();
        return new StringValueNode
        {
            Value = token.Value!,
            Block = token.Kind == TokenKind.BlockString,
            Location = LocationFrom(token),
        };
    }

    private ListValueNode ParseList(bool isConst)
    {
        var start = Current;
        Nest(start);
        Expect(TokenKind.BracketLeft);
        var values = new List<ValueNode>();
        while (!Skip(TokenKind.BracketRight))
        {
            values.Add(ParseValueLiteral(isConst));
        }

        _nesting--;
        return new ListValueNode { Values = values, Location = LocationFrom(start) };
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = Current;
        Nest(start);
        Expect(TokenKind.BraceLeft);
        var fields = new List<ObjectFieldNode>();
        while (!Skip(TokenKind.BraceRight))
        {
            var fieldStart = Current;
            var name = ParseName();
            Expect(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            fields.Add(new ObjectFieldNode { Name = name, Value = value, Location = LocationFrom(fieldStart) });
        }

        _nesting--;
        return new ObjectValueNode { Fields = fields, Location = LocationFrom(start) };
    }

    // Directives (spec 2.12)

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        var list = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            var start = Current;
            Advance();
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            list.Add(new DirectiveNode { Name = name, Arguments = arguments, Location = LocationFrom(start) });
        }

        return list;
    }

    // Type references (spec 2.11)

    private TypeNode ParseTypeReference()
    {
        var start = Current;
        TypeNode type;
        if (Peek(TokenKind.BracketLeft))
        {
            Nest(start);
            Advance();
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketRight);
            _nesting--;
            type = new ListTypeNode { Type = inner, Location = LocationFrom(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        if (Skip(TokenKind.Bang))
        {
            return new NonNullTypeNode { Type = type, Location = LocationFrom(start) };
        }

        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = Current;
        var name = ParseName();
        return new NamedTypeNode { Name = name, Location = LocationFrom(start) };
    }

    private NameNode ParseName()
    {
        var token = ExpectToken(TokenKind.Name);
        return new NameNode { Value = token.Value!, Location = LocationFrom(token) };
    }

    // Type system definitions (spec 3)

    private bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(true);
        Expect(TokenKind.BraceLeft);
        var operationTypes = new List<OperationTypeDefinitionNode>();
        do
        {
            operationTypes.Add(ParseOperationTypeDefinition());
        }
        while (!Skip(TokenKind.BraceRight));

        return new SchemaDefinitionNode
        {
            Description = description,
            Directives = directives,
            OperationTypes = operationTypes,
            Location = LocationFrom(start),
        };
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = Current;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode { Operation = operation, Type = type, Location = LocationFrom(start) };
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(true);
        return new ScalarTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = LocationFrom(start),
        };
    }

    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (!ExpectOptionalKeyword("implements"))
        {
            return [];
        }

        Skip(TokenKind.Amp);
        var list = new List<NamedTypeNode>();
        do
        {
            list.Add(ParseNamedType());
        }
        while (Skip(TokenKind.Amp));

        return list;
    }

    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!Skip(TokenKind.BraceLeft))
        {
            return [];
        }

        var list = new List<FieldDefinitionNode>();
        do
        {
            list.Add(ParseFieldDefinition());
        }
        while (!Skip(TokenKind.BraceRight));

        return list;
    }

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(true);
        return new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Type = type,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions()
    {
        if (!Skip(TokenKind.ParenLeft))
        {
            return [];
        }

        var list = new List<InputValueDefinitionNode>();
        do
        {
            list.Add(ParseInputValueDefinition());
        }
        while (!Skip(TokenKind.ParenRight));

        return list;
    }

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = null;
        if (Skip(TokenKind.Equals))
        {
            defaultValue = ParseValueLiteral(true);
        }

        var directives = ParseDirectives(true);
        return new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = LocationFrom(start),
        };
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Types = types,
            Location = LocationFrom(start),
        };
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes()
    {
        if (!Skip(TokenKind.Equals))
        {
            return [];
        }

        Skip(TokenKind.Pipe);
        var list = new List<NamedTypeNode>();
        do
        {
            list.Add(ParseNamedType());
        }
        while (Skip(TokenKind.Pipe));

        return list;
    }

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Values = values,
            Location = LocationFrom(start),
        };
    }

    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!Skip(TokenKind.BraceLeft))
        {
            return [];
        }

        var list = new List<EnumValueDefinitionNode>();
        do
        {
            var start = Current;
            var description = ParseDescription();
            var name = ParseEnumValueName();
            var directives = ParseDirectives(true);
            list.Add(new EnumValueDefinitionNode
            {
                Description = description,
                Name = name,
                Directives = directives,
                Location = LocationFrom(start),
            });
        }
        while (!Skip(TokenKind.BraceRight));

        return list;
    }

    private NameNode ParseEnumValueName()
    {
        var token = Current;
        if (token.Kind == TokenKind.Name && token.Value is "true" or "false" or "null")
        {
            throw Error(token.Start, $"Token {token.Describe()} is reserved and cannot be used for an enum value.");
        }

        return ParseName();
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var fields = ParseInputFieldsDefinition();
        return new InputObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Fields = fields,
            Location = LocationFrom(start),
        };
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseInputFieldsDefinition()
    {
        if (!Skip(TokenKind.BraceLeft))
        {
            return [];
        }

        var list = new List<InputValueDefinitionNode>();
        do
        {
            list.Add(ParseInputValueDefinition());
        }
        while (!Skip(TokenKind.BraceRight));

        return list;
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = Current;
        var description = ParseDescription();
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        Skip(TokenKind.Pipe);
        var locations = new List<NameNode>();
        do
        {
            var token = Current;
            var location = ParseName();
            if (!DirectiveLocations.IsValid(location.Value))
            {
                throw Unexpected(token);
            }

            locations.Add(location);
        }
        while (Skip(TokenKind.Pipe));

        return new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Repeatable = repeatable,
            Locations = locations,
            Location = LocationFrom(start),
        };
    }

    // Type system extensions (spec 3.3.2 and the Type Extensions subsections)

    private DefinitionNode ParseTypeSystemExtension()
    {
        var keywordToken = _lexer.Lookahead();
        if (keywordToken.Kind == TokenKind.Name)
        {
            switch (keywordToken.Value)
            {
                case "schema": return ParseSchemaExtension();
                case "scalar": return ParseScalarTypeExtension();
                case "type": return ParseObjectOrInterfaceExtension("type");
                case "interface": return ParseObjectOrInterfaceExtension("interface");
                case "union": return ParseUnionTypeExtension();
                case "enum": return ParseEnumTypeExtension();
                case "input": return ParseInputObjectTypeExtension();
            }
        }

        throw Unexpected(keywordToken);
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(true);
        var operationTypes = new List<OperationTypeDefinitionNode>();
        if (Skip(TokenKind.BraceLeft))
        {
            do
            {
                operationTypes.Add(ParseOperationTypeDefinition());
            }
            while (!Skip(TokenKind.BraceRight));
        }

        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes, Location = LocationFrom(start) };
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(true);
        if (directives.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new ScalarTypeExtensionNode { Name = name, Directives = directives, Location = LocationFrom(start) };
    }

    private TypeExtensionNode ParseObjectOrInterfaceExtension(string keyword)
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword(keyword);
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(Current);
        }

        return keyword == "type"
            ? new ObjectTypeExtensionNode
            {
                Name = name,
                Interfaces = interfaces,
                Directives = directives,
                Fields = fields,
                Location = LocationFrom(start),
            }
            : new InterfaceTypeExtensionNode
            {
                Name = name,
                Interfaces = interfaces,
                Directives = directives,
                Fields = fields,
                Location = LocationFrom(start),
            };
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types, Location = LocationFrom(start) };
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var values = ParseEnumValuesDefinition();
        if (directives.Count == 0 && values.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values, Location = LocationFrom(start) };
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var fields = ParseInputFieldsDefinition();
        if (directives.Count == 0 && fields.Count == 0)
        {
            throw Unexpected(Current);
        }

        return new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields, Location = LocationFrom(start) };
    }

    // Token helpers

    private void Advance()
    {
        var token = _lexer.Advance();
        if (_maxTokens is { } max && token.Kind != TokenKind.EndOfFile && ++_tokenCount > max)
        {
            throw Error(token.Start, $"Document contains more than {max} tokens. Parsing aborted.");
        }

        // A request whose client has gone stops here; checked every so many tokens because
        // the check, though cheap, is not free on every token of a large document.
        if ((++_tokensSinceCancellationCheck & 1023) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Enters one more level of selection set, list or object value or list type. The parser
    /// recurses per level, as does every walk of the tree after it, so the cap keeps a deep
    /// document from overflowing the stack, which would end the whole process.
    /// </summary>
    private void Nest(Token start)
    {
        if (++_nesting > _maxNesting)
        {
            throw Error(start.Start, $"Document nesting exceeds the maximum nesting of {_maxNesting} (MaxNesting). Parsing aborted.");
        }
    }

    private bool Peek(TokenKind kind) => Current.Kind == kind;

    private bool Skip(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Expect(TokenKind kind) => ExpectToken(kind);

    private Token ExpectToken(TokenKind kind)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw Error(token.Start, $"Expected {kind.Describe()}, found {token.Describe()}.");
        }

        Advance();
        return token;
    }

    private void ExpectKeyword(string keyword)
    {
        var token = Current;
        if (token.Kind != TokenKind.Name || token.Value != keyword)
        {
            throw Error(token.Start, $"Expected \"{keyword}\", found {token.Describe()}.");
        }

        Advance();
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (Current.Kind == TokenKind.Name && Current.Value == keyword)
        {
            Advance();
            return true;
        }

        return false;
    }

    private GraphQLSyntaxException Unexpected(Token token) => Error(token.Start, $"Unexpected {token.Describe()}.");

    private GraphQLSyntaxException Error(int position, string description) =>
        new(description, position, Lexer.LocationOf(_lexer.Source, position));

    /// <summary>A node's location: from its first token to the last token consumed.</summary>
    private Location LocationFrom(Token start) => new(start.Start, _lexer.LastToken.End, start.Line, start.Column);
}
