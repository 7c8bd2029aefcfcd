using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Limits;

namespace InclusionNetwork.Web;

/// <summary>What the host tells the pages: names, where the built assets are, and the GraphQL limits of <c>/graphql</c>.</summary>
public sealed class WebPagesOptions
{
    public string ServiceName { get; set; } = "InclusionNetwork";

    /// <summary>From <c>App:CountyName</c>.</summary>
    public string CountyName { get; set; } = "Kent County Council";

    /// <summary>A query-string version for a built file under <c>/app/</c>, so a new build is fetched at once.</summary>
    public Func<string, string> AssetVersion { get; set; } = _ => "0";

    /// <summary>The same request limits as <c>/graphql</c>: a page's document is held to them too.</summary>
    public RequestLimits Limits { get; set; } = RequestLimits.Default;

    /// <summary>The same admission (the costly-operations lane) as <c>/graphql</c>.</summary>
    public IExecutionAdmission? Admission { get; set; }

    /// <summary>Names failures that are not faults, as <c>/graphql</c> does; see <see cref="ExecutionRequest.KnownFailure"/>.</summary>
    public Func<Exception, GraphQLException?>? KnownFailure { get; set; }
}
