namespace InclusionNetwork.GraphQL.Engine.Validation;

/// <summary>Creates a rule for one validation run.</summary>
public delegate ValidationRule ValidationRuleFactory(ValidationContext context);
