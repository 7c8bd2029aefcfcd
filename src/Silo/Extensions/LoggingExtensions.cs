namespace InclusionNetwork.Silo.Extensions;

public static class LoggingExtensions
{
    /// <summary>
    /// One JSON object per log line on the console, so a log shipper can index the fields
    /// (ASP.NET Core's own structured properties included). <c>Logging:Format=simple</c>
    /// gives plain text for reading at a terminal.
    /// </summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["Logging:Format"], "simple", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss ");
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        return builder;
    }
}
