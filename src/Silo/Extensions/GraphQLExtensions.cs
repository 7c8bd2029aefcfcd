using InclusionNetwork.Silo.Database;
using InclusionNetwork.GraphQL;
using InclusionNetwork.GraphQL.Common;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Http;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;
using InclusionNetwork.Silo.Authentication;
using InclusionNetwork.Silo.Security;

namespace InclusionNetwork.Silo.Extensions;

public static class GraphQLExtensions
{
    /// <summary>The InclusionNetwork schema, built once from every concept's module.</summary>
    public static WebApplicationBuilder AddGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddInclusionSchema();
        // A copy: binding into RequestLimits.Default itself would change it for every user in the process.
        // Every paged field refuses a page over Paging.MaxPageSize, so none is estimated larger.
        var limits = RequestLimits.Default with { MaxPageSize = Paging.MaxPageSize };
        builder.Configuration.GetSection("GraphQL:Limits").Bind(limits);
        var costly = new CostlyOperationOptions();
        builder.Configuration.GetSection("GraphQL:CostlyOperations").Bind(costly);
        var budget = new CallerCostBudgetOptions();
        builder.Configuration.GetSection("GraphQL:CallerCostBudget").Bind(budget);
        // One set of limits, one budget per caller and one costly-operations lane for /graphql and the pages alike.
        builder.Services.AddSingleton(new GraphQLServing(limits, new CallerCostBudget(budget, new CostlyOperationLane(costly))));
        var bodyBudget = new RequestBodyBudgetOptions();
        builder.Configuration.GetSection("GraphQL:BodyBudget").Bind(bodyBudget);
        builder.Services.AddSingleton(new RequestBodyBudget(bodyBudget, limits.MaxRequestBodyBytes ?? long.MaxValue));
        var refused = new RefusedRequestOptions();
        builder.Configuration.GetSection("GraphQL:RefusedRequests").Bind(refused);
        builder.Services.AddSingleton(new RefusedRequestThrottle(refused, TimeProvider.System));
        return builder;
    }

    /// <summary>The request limits and admission every in-process or HTTP execution of the schema is held to.</summary>
    public sealed record GraphQLServing(RequestLimits Limits, IExecutionAdmission Admission);

    /// <summary>
    /// <c>/graphql</c> over HTTP for everyone: fields decide what a caller may see. The
    /// signed-in person (from the bearer token or session cookie) reaches resolvers through
    /// the request's items. Limits come from the <c>GraphQL:Limits</c> section, the document
    /// cache's bounds from <c>GraphQL:DocumentCacheSize</c> and <c>GraphQL:DocumentCacheBytes</c>,
    /// how much estimated cost a caller may spend from <c>GraphQL:CallerCostBudget</c>, how many
    /// costly operations run at once from <c>GraphQL:CostlyOperations</c>, how many body bytes a
    /// caller may send from <c>GraphQL:BodyBudget</c>, and when a caller whose requests keep
    /// being refused is slowed from <c>GraphQL:RefusedRequests</c>.
    /// </summary>
    public static WebApplication MapInclusionGraphQL(this WebApplication app)
    {
        var serving = app.Services.GetRequiredService<GraphQLServing>();
        var throttle = app.Services.GetRequiredService<RefusedRequestThrottle>();
        var defaults = new GraphQLHttpOptions();
        app.MapGraphQL("/graphql", services => services.GetRequiredService<Schema>(), new GraphQLHttpOptions
        {
            Limits = serving.Limits,
            DocumentCacheSize = app.Configuration.GetValue("GraphQL:DocumentCacheSize", defaults.DocumentCacheSize),
            DocumentCacheBytes = app.Configuration.GetValue("GraphQL:DocumentCacheBytes", defaults.DocumentCacheBytes),
            Admission = serving.Admission,
            KnownFailure = DatabaseBusyResponses.AsFieldError,
            OnRequestRefused = throttle.CountRefusal,
            OnRequest = (http, items) =>
            {
                items[RequestItems.ViewerKey] = http.GetViewer();
                return ValueTask.CompletedTask;
            },
        }).RequireRateLimiting(IdentityExtensions.GraphQLConcurrencyLimit)
            .WithMetadata(app.Services.GetRequiredService<RequestBodyBudget>(), throttle);
        return app;
    }

    /// <summary>
    /// Names the caller (from its account, or signed out its address) whose budget the
    /// request's GraphQL operations are charged to, <c>/graphql</c> and pages alike; must
    /// follow <c>UseAuthentication</c>.
    /// </summary>
    public static IApplicationBuilder UseCallerCostBudget(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        using (CallerCostBudget.ChargeTo(IdentityExtensions.CallerKey(context)))
        {
            await next(context);
        }
    });

    /// <summary>
    /// Holds a request to an endpoint that carries a <see cref="RefusedRequestThrottle"/> when
    /// its caller's requests keep being refused, before its body is charged or read, and counts
    /// the 429s the per-caller limits after it give (the endpoint counts its own refusals).
    /// </summary>
    public static IApplicationBuilder UseRefusedRequestThrottle(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RefusedRequestThrottle>() is not { } throttle)
        {
            await next(context);
            return;
        }
        if (!await throttle.AdmitAsync(context))
        {
            return;
        }
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            throttle.CountRefusal(context);
        }
    });

    /// <summary>
    /// Charges the body of a request to an endpoint that carries a <see cref="RequestBodyBudget"/>
    /// before anything reads it, and before it waits for a per-caller turn: a body its caller
    /// cannot afford is answered 429 at once and never parsed.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyBudget(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyBudget>() is not { } budget
            || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        var (admitted, turn) = await budget.ChargeAsync(context);
        if (!admitted)
        {
            return;
        }
        // A large body's turn is given back here, before the server ends the response: a caller
        // that has its answer may send its next large body at once.
        using (turn)
        {
            await next(context);
        }
    });
}
