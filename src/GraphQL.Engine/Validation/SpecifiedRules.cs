using InclusionNetwork.GraphQL.Engine.Validation.Rules;

namespace InclusionNetwork.GraphQL.Engine.Validation;

/// <summary>The validation rules of spec section 5 in graphql-js's order, plus the optional ones by name.</summary>
public static class SpecifiedRules
{
    /// <summary>Every rule a request document must pass (graphql-js specifiedRules).</summary>
    public static readonly IReadOnlyList<ValidationRuleFactory> All =
    [
        c => new ExecutableDefinitionsRule(c),
        c => new UniqueOperationNamesRule(c),
        c => new LoneAnonymousOperationRule(c),
        c => new SingleFieldSubscriptionsRule(c),
        c => new KnownTypeNamesRule(c),
        c => new FragmentsOnCompositeTypesRule(c),
        c => new VariablesAreInputTypesRule(c),
        c => new ScalarLeafsRule(c),
        c => new FieldsOnCorrectTypeRule(c),
        c => new UniqueFragmentNamesRule(c),
        c => new KnownFragmentNamesRule(c),
        c => new NoUnusedFragmentsRule(c),
        c => new PossibleFragmentSpreadsRule(c),
        c => new NoFragmentCyclesRule(c),
        c => new UniqueVariableNamesRule(c),
        c => new NoUndefinedVariablesRule(c),
        c => new NoUnusedVariablesRule(c),
        c => new KnownDirectivesRule(c),
        c => new UniqueDirectivesPerLocationRule(c),
        c => new KnownArgumentNamesRule(c),
        c => new UniqueArgumentNamesRule(c),
        c => new ValuesOfCorrectTypeRule(c),
        c => new ProvidedRequiredArgumentsRule(c),
        c => new VariablesInAllowedPositionRule(c),
        c => new OverlappingFieldsCanBeMergedRule(c),
        c => new UniqueInputFieldNamesRule(c),
        c => new MaxIntrospectionDepthRule(c),
    ];

    /// <summary>Every rule by its graphql-js name without the <c>Rule</c> suffix, including the optional custom rules.</summary>
    public static readonly IReadOnlyDictionary<string, ValidationRuleFactory> ByName = new Dictionary<string, ValidationRuleFactory>(StringComparer.Ordinal)
    {
        ["ExecutableDefinitions"] = c => new ExecutableDefinitionsRule(c),
        ["UniqueOperationNames"] = c => new UniqueOperationNamesRule(c),
        ["LoneAnonymousOperation"] = c => new LoneAnonymousOperationRule(c),
        ["SingleFieldSubscriptions"] = c => new SingleFieldSubscriptionsRule(c),
        ["KnownTypeNames"] = c => new KnownTypeNamesRule(c),
        ["FragmentsOnCompositeTypes"] = c => new FragmentsOnCompositeTypesRule(c),
        ["VariablesAreInputTypes"] = c => new VariablesAreInputTypesRule(c),
        ["ScalarLeafs"] = c => new ScalarLeafsRule(c),
        ["FieldsOnCorrectType"] = c => new FieldsOnCorrectTypeRule(c),
        ["UniqueFragmentNames"] = c => new UniqueFragmentNamesRule(c),
        ["KnownFragmentNames"] = c => new KnownFragmentNamesRule(c),
        ["NoUnusedFragments"] = c => new NoUnusedFragmentsRule(c),
        ["PossibleFragmentSpreads"] = c => new PossibleFragmentSpreadsRule(c),
        ["NoFragmentCycles"] = c => new NoFragmentCyclesRule(c),
        ["UniqueVariableNames"] = c => new UniqueVariableNamesRule(c),
        ["NoUndefinedVariables"] = c => new NoUndefinedVariablesRule(c),
        ["NoUnusedVariables"] = c => new NoUnusedVariablesRule(c),
        ["KnownDirectives"] = c => new KnownDirectivesRule(c),
        ["UniqueDirectivesPerLocation"] = c => new UniqueDirectivesPerLocationRule(c),
        ["KnownArgumentNames"] = c => new KnownArgumentNamesRule(c),
        ["UniqueArgumentNames"] = c => new UniqueArgumentNamesRule(c),
        ["ValuesOfCorrectType"] = c => new ValuesOfCorrectTypeRule(c),
        ["ProvidedRequiredArguments"] = c => new ProvidedRequiredArgumentsRule(c),
        ["VariablesInAllowedPosition"] = c => new VariablesInAllowedPositionRule(c),
        ["OverlappingFieldsCanBeMerged"] = c => new OverlappingFieldsCanBeMergedRule(c),
        ["UniqueInputFieldNames"] = c => new UniqueInputFieldNamesRule(c),
        ["MaxIntrospectionDepth"] = c => new MaxIntrospectionDepthRule(c),
        ["NoDeprecatedCustom"] = c => new NoDeprecatedCustomRule(c),
        ["NoSchemaIntrospectionCustom"] = c => new NoSchemaIntrospectionCustomRule(c),
    };
}
