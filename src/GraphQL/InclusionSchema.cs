using InclusionNetwork.Grains.Common;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;

namespace InclusionNetwork.GraphQL;

/// <summary>
/// The InclusionNetwork schema: the shared roots and conventions, then every concept's
/// module. It must never contradict <c>shared/contract/schema.graphql</c>; a test checks.
/// </summary>
public static class InclusionSchema
{
    public static Schema Build(IEnumerable<ISchemaModule> modules)
    {
        var builder = new SchemaBuilder()
            // Declares @listSize, which unpaged list fields use to give the cost limit their real size.
            .AddSdl(ListSize.DirectiveSdl)
            .AddSdl(Sdl.Read("Common/common.graphql"))
            .AddSdl(Sdl.Read("Common/framework.graphql"))
            .BindEnum<FrameworkArea>();
        foreach (var module in modules)
        {
            module.Configure(builder);
        }
        return builder.Build();
    }
}
