using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Engine.Tests.Types;

public sealed class TypeComparatorsTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        interface Pet { name: String }
        type Dog implements Pet { name: String }
        type Cat implements Pet { name: String }
        type Human { name: String }
        union CatOrDog = Cat | Dog
        type Query { pet: Pet }
        """);

    private static NamedType T(string name) => Schema.GetType(name)!;

    [Fact]
    public void Compares_wrapping_exactly()
    {
        Assert.True(TypeComparators.IsEqualType(new ListType(T("Dog")).NonNull(), new ListType(T("Dog")).NonNull()));
        Assert.False(TypeComparators.IsEqualType(new ListType(T("Dog")), new ListType(T("Dog")).NonNull()));
    }

    [Fact]
    public void Treats_non_null_and_implementations_as_subtypes()
    {
        Assert.True(TypeComparators.IsTypeSubTypeOf(Schema, T("Dog").NonNull(), T("Pet")));
        Assert.False(TypeComparators.IsTypeSubTypeOf(Schema, T("Pet"), T("Dog")));
        Assert.True(TypeComparators.IsTypeSubTypeOf(Schema, new ListType(T("Cat")), new ListType(T("CatOrDog"))));
    }

    [Fact]
    public void Finds_overlapping_types()
    {
        Assert.True(TypeComparators.DoTypesOverlap(Schema, T("Pet"), T("CatOrDog")));
        Assert.False(TypeComparators.DoTypesOverlap(Schema, T("Human"), T("Pet")));
    }
}
