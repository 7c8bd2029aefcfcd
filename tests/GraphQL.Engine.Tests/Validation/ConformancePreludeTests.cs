using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Validation;

/// <summary>
/// The conformance material's prelude.graphql declares the built-in scalars, directives and
/// introspection types its schemas rely on. The engine has them built in; this checks the
/// two agree, so building the cases' schemas without the prelude loses nothing.
/// </summary>
public sealed class ConformancePreludeTests
{
    private static readonly DocumentNode Prelude =
        Parser.Parse(File.ReadAllText(Path.Combine(ConformanceCases.Folder, "prelude.graphql")));

    private static readonly Schema Engine = SchemaBuilder.FromSdl("type Query { a(i: Int, f: Float, d: ID): String }");

    [Fact]
    public void Every_prelude_type_is_built_in_with_the_same_fields()
    {
        foreach (var definition in Prelude.Definitions.OfType<TypeDefinitionNode>())
        {
            var type = Engine.GetType(definition.Name.Value);
            Assert.NotNull(type);
            Assert.Equal(definition.Kind.ToString().Replace("TypeDefinition", string.Empty, StringComparison.Ordinal), type.Kind.ToString());
            if (definition is ObjectTypeDefinitionNode obj)
            {
                Assert.Equal(obj.Fields.Select(f => $"{f.Name.Value}: {Printer.Print(f.Type)}"), ((ObjectType)type).Fields.Values.Select(f => $"{f.Name}: {f.Type}"));
            }

            if (definition is EnumTypeDefinitionNode @enum)
            {
                Assert.Equal(@enum.Values.Select(v => v.Name.Value), ((EnumType)type).Values.Keys);
            }
        }
    }

    [Fact]
    public void Every_prelude_directive_of_the_spec_is_built_in_alike()
    {
        // @defer is not part of the October 2021 specification, and no case uses it.
        foreach (var definition in Prelude.Definitions.OfType<DirectiveDefinitionNode>().Where(d => d.Name.Value != "defer"))
        {
            var directive = Engine.GetDirective(definition.Name.Value);
            Assert.NotNull(directive);
            Assert.Equal(definition.Locations.Select(l => l.Value), directive.Locations);
            Assert.Equal(definition.Arguments.Select(a => $"{a.Name.Value}: {Printer.Print(a.Type)}"), directive.Arguments.Values.Select(a => $"{a.Name}: {a.Type}"));
        }
    }
}
