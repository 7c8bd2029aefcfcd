using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace InclusionNetwork.Silo.Extensions;

/// <summary>
/// One answer for every failure nobody handled, in every environment: a plain
/// <c>application/problem+json</c> with a status, a title and a trace id to quote when
/// reporting it. The exception itself goes to the log only. A response never carries a stack
/// trace or the request's headers (a bearer token, a session cookie), so the developer
/// exception page, which prints both and which ASP.NET Core turns on by itself in
/// Development, is never shown.
/// </summary>
public static class ErrorHandlingExtensions
{
    public const string UnexpectedErrorTitle = "Unexpected error.";

    public static WebApplicationBuilder AddErrorHandling(this WebApplicationBuilder builder)
    {
        // In Development ASP.NET Core puts its exception page outside the whole pipeline; a
        // failure that got past our handler (one thrown while it answers, say) reaches that
        // page's filters, and this one answers plainly instead of rendering the page.
        builder.Services.AddSingleton<IDeveloperPageExceptionFilter, PlainProblemExceptionFilter>();
        return builder;
    }

    /// <summary>First in the pipeline, so it sees every failure after it.</summary>
    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        // The middleware logs the exception (with the request's trace id) before calling us.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => WriteProblemAsync(context, context.Features.Get<IExceptionHandlerFeature>()?.Error),
        });
        return app;
    }

    internal static async Task WriteProblemAsync(HttpContext context, Exception? error)
    {
        // Kestrel's own refusals (a body over its size limit, a malformed request line) say
        // what was wrong with the request and which 4xx fits; everything else is our fault.
        var (status, title) = error is BadHttpRequestException badRequest
            ? (badRequest.StatusCode, badRequest.Message)
            : (StatusCodes.Status500InternalServerError, UnexpectedErrorTitle);
        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
        context.Response.Clear();
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(
            new { type = "about:blank", title, status, traceId },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: context.RequestAborted);
    }

    private sealed class PlainProblemExceptionFilter(ILogger<PlainProblemExceptionFilter> logger) : IDeveloperPageExceptionFilter
    {
        public Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
        {
            logger.LogError(errorContext.Exception, "An unhandled exception reached the outermost handler.");
            return errorContext.HttpContext.Response.HasStarted
                ? Task.CompletedTask
                : WriteProblemAsync(errorContext.HttpContext, errorContext.Exception);
        }
    }
}
