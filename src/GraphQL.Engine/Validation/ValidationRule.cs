using InclusionNetwork.GraphQL.Engine.Language;

namespace InclusionNetwork.GraphQL.Engine.Validation;

/// <summary>
/// One rule of spec section 5. The validator walks the document once and calls every rule on
/// entering and leaving each node, with <see cref="ValidationContext"/> tracking the types in
/// scope. A rule returns false from <see cref="Enter"/> to skip that node's children.
/// A new instance is made per validation, so rules may keep state in fields.
/// </summary>
public abstract class ValidationRule(ValidationContext context)
{
    protected ValidationContext Context { get; } = context;

    public virtual bool Enter(SyntaxNode node) => true;

    public virtual void Leave(SyntaxNode node)
    {
    }

    protected void Report(string message, params SyntaxNode[] nodes) => Context.ReportError(new ValidationError(message, nodes));
}
