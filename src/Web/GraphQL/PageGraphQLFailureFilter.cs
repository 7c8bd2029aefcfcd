using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Logging;

namespace InclusionNetwork.Web.GraphQL;

/// <summary>
/// A page whose document the schema refused (a request limit, a busy costly-operations lane, a
/// fault in the document) answers GOV.UK's "Sorry, there is a problem with the service" page
/// with 503, not an error of the visitor's making and never a stack trace. The cause is logged.
/// </summary>
public sealed class PageGraphQLFailureFilter(ILogger<PageGraphQLFailureFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not PageGraphQLException refused || executed.ExceptionHandled)
        {
            return;
        }
        logger.LogError(refused, "A page's GraphQL document was refused on {Path}.", context.HttpContext.Request.Path);
        executed.ExceptionHandled = true;
        var model = new ServiceProblemModel { PageContext = ((PageModel)context.HandlerInstance).PageContext };
        executed.Result = new ViewResult
        {
            ViewName = "/Pages/Shared/_ServiceProblem.cshtml",
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary<ServiceProblemModel>(new EmptyModelMetadataProvider(), context.ModelState) { Model = model },
        };
    }
}
