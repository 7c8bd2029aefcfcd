using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Validation;

/// <summary>
/// What rules share during one validation: the schema, the document, the types in scope,
/// the path of ancestors, cached fragment and variable lookups, and the error list.
/// </summary>
public sealed class ValidationContext
{
    private readonly List<ValidationError> _errors;
    private readonly int _maxErrors;
    private readonly List<SyntaxNode> _ancestors = [];
    private Dictionary<string, FragmentDefinitionNode>? _fragments;
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _spreads = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _recursiveFragments = [];
    private readonly Dictionary<SyntaxNode, IReadOnlyList<VariableUsage>> _variableUsages = [];
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = [];

    internal ValidationContext(
        Schema schema,
        DocumentNode document,
        List<ValidationError> errors,
        int maxErrors,
        int? maxFieldComparisons = null,
        CancellationToken cancellationToken = default)
    {
        Schema = schema;
        Document = document;
        TypeInfo = new TypeInfo(schema);
        _errors = errors;
        _maxErrors = maxErrors;
        MaxFieldComparisons = maxFieldComparisons;
        CancellationToken = cancellationToken;
    }

    /// <summary>Errors reported before validation is aborted.</summary>
    public int MaxErrors => _maxErrors;

    /// <summary>How many field pairs a rule may compare (see <see cref="Limits.RequestLimits.MaxFieldComparisons"/>); null means no cap.</summary>
    public int? MaxFieldComparisons { get; }

    /// <summary>Rules that loop check it, so validation stops when the request is abandoned.</summary>
    public CancellationToken CancellationToken { get; }

    public Schema Schema { get; }

    public DocumentNode Document { get; }

    public TypeInfo TypeInfo { get; }

    /// <summary>The nodes enclosing the one being visited, outermost (the document) first.</summary>
    public IReadOnlyList<SyntaxNode> Ancestors => _ancestors;

    /// <summary>The node directly enclosing the one being visited.</summary>
    public SyntaxNode? Parent => _ancestors.Count == 0 ? null : _ancestors[^1];

    internal List<SyntaxNode> AncestorStack => _ancestors;

    public void ReportError(ValidationError error)
    {
        if (_errors.Count >= _maxErrors)
        {
            _errors.Add(new ValidationError(
                "Too many validation errors, error limit reached. Validation aborted.", Array.Empty<SourceLocation>()));
            throw new ValidationAbortedException();
        }

        _errors.Add(error);
    }

    /// <summary>Reports an error that ends validation at once, whatever the error count.</summary>
    public void Abort(ValidationError error)
    {
        _errors.Add(error);
        throw new ValidationAbortedException();
    }

    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
            foreach (var definition in Document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    _fragments.TryAdd(fragment.Name.Value, fragment);
                }
            }
        }

        return _fragments.GetValueOrDefault(name);
    }

    /// <summary>
    /// The fragment spreads within a selection set, looking into fields and inline fragments
    /// but not into the spread fragments (same order as graphql-js).
    /// </summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_spreads.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var spreads = new List<FragmentSpreadNode>();
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.Count > 0)
        {
            var set = setsToVisit.Pop();
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        setsToVisit.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }

        _spreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every fragment an operation uses, directly or through other fragments.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_recursiveFragments.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var fragments = new List<FragmentDefinitionNode>();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var nodesToVisit = new Stack<SelectionSetNode>();
        nodesToVisit.Push(operation.SelectionSet);
        while (nodesToVisit.Count > 0)
        {
            var node = nodesToVisit.Pop();
            foreach (var spread in GetFragmentSpreads(node))
            {
                var name = spread.Name.Value;
                if (!collected.Add(name))
                {
                    continue;
                }

                if (GetFragment(name) is { } fragment)
                {
                    fragments.Add(fragment);
                    nodesToVisit.Push(fragment.SelectionSet);
                }
            }
        }

        _recursiveFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>The variables used within an operation or fragment (not following spreads), with their expected types.</summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(SyntaxNode node)
    {
        if (_variableUsages.TryGetValue(node, out var cached))
        {
            return cached;
        }

        var collector = new VariableUsageCollector(Schema);
        collector.Walk(node);
        _variableUsages[node] = collector.Usages;
        return collector.Usages;
    }

    /// <summary>The variables used by an operation and every fragment it uses.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached))
        {
            return cached;
        }

        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
        {
            usages.AddRange(GetVariableUsages(fragment));
        }

        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    /// <summary>The type of the current field (or fragment / operation root).</summary>
    public GraphQLType? Type => TypeInfo.Type;

    public NamedType? ParentType => TypeInfo.ParentType;

    public GraphQLType? InputType => TypeInfo.InputType;

    public GraphQLType? ParentInputType => TypeInfo.ParentInputType;

    public FieldDefinition? FieldDefinition => TypeInfo.FieldDefinition;

    public DirectiveDefinition? Directive => TypeInfo.Directive;

    public InputValueDefinition? Argument => TypeInfo.Argument;

    public EnumValueDefinition? EnumValue => TypeInfo.EnumValue;

    private sealed class VariableUsageCollector(Schema schema) : SyntaxWalker
    {
        private readonly TypeInfo _typeInfo = new(schema);

        public List<VariableUsage> Usages { get; } = [];

        protected override bool Enter(SyntaxNode node)
        {
            if (node is VariableDefinitionNode)
            {
                return false;
            }

            _typeInfo.Enter(node);
            if (node is VariableNode variable)
            {
                Usages.Add(new VariableUsage(variable, _typeInfo.InputType, _typeInfo.DefaultValue, _typeInfo.ParentInputType));
            }

            return true;
        }

        protected override void Leave(SyntaxNode node) => _typeInfo.Leave(node);
    }
}
