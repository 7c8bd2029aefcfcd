using InclusionNetwork.GraphQL.Accounts;
using InclusionNetwork.GraphQL.Bookings;
using InclusionNetwork.GraphQL.Calendars;
using InclusionNetwork.GraphQL.Directory;
using InclusionNetwork.GraphQL.Messages;
using InclusionNetwork.GraphQL.Networks;
using InclusionNetwork.GraphQL.PeerReview;
using InclusionNetwork.GraphQL.Places;
using InclusionNetwork.GraphQL.TermDates;
using InclusionNetwork.GraphQL.Uptake;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.GraphQL;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers every concept's schema module; the host builds the schema from them once.</summary>
    public static IServiceCollection AddInclusionSchema(this IServiceCollection services)
    {
        services.AddSingleton<ISchemaModule, AccountsModule>();
        services.AddSingleton<ISchemaModule, PlacesModule>();
        services.AddSingleton<ISchemaModule, DirectoryModule>();
        services.AddSingleton<ISchemaModule, BookingsModule>();
        services.AddSingleton<ISchemaModule, CalendarsModule>();
        services.AddSingleton<ISchemaModule, PeerReviewModule>();
        services.AddSingleton<ISchemaModule, NetworksModule>();
        services.AddSingleton<ISchemaModule, UptakeModule>();
        services.AddSingleton<ISchemaModule, MessagesModule>();
        services.AddSingleton<ISchemaModule, PeopleModule>();
        services.AddSingleton<ISchemaModule, AccessTokensModule>();
        services.AddSingleton<ISchemaModule, SchoolFiguresModule>();
        services.AddSingleton<ISchemaModule, CourseFeedbackModule>();
        services.AddSingleton<ISchemaModule, ClusterPrioritiesModule>();
        services.AddSingleton<ISchemaModule, TermDatesModule>();
        services.AddSingleton(provider => InclusionSchema.Build(provider.GetServices<ISchemaModule>()));
        return services;
    }
}
