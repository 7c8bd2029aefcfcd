using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL.Common;

public static class SchemaBuilderExtensions
{
    /// <summary>
    /// Binds every value of an SDL enum to the CLR enum member of the same name, so
    /// resolvers return and receive CLR enums. A name missing on either side fails the build.
    /// </summary>
    public static SchemaBuilder BindEnum<TEnum>(this SchemaBuilder schema, string? graphQLName = null)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            schema.BindEnumValue(graphQLName ?? typeof(TEnum).Name, value.ToString(), value);
        }
        return schema;
    }
}
