using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Schools;

namespace InclusionNetwork.Silo.Endpoints;

/// <summary>
/// <c>POST /admin/schools/import</c>: admins upload a "Get Information about Schools"
/// establishment extract (text/csv, Windows-1252 as GIAS publishes it, or UTF-8). It lands whole or not at all; a refused file
/// gets 422 with every row's problem and line number.
/// </summary>
public static class SchoolImportEndpoints
{
    private const long MaxUploadBytes = 50 * 1024 * 1024;

    public static IEndpointRouteBuilder MapSchoolImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/schools/import", ImportAsync)
            .RequireAuthorization(policy => policy.RequireRole(nameof(Role.ADMIN)))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes));
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, SchoolImporter importer, CancellationToken cancellationToken)
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Json(new { message = "Send the extract as text/csv." }, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        // The parser reads synchronously, which Kestrel forbids on the request body: buffer first.
        // GIAS publishes Windows-1252; UTF-8 is taken too.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var text = GiasExtractText.Decode(body.GetBuffer().AsSpan(0, (int)body.Length));
        // No column can hold a NUL character (PostgreSQL refuses it), and no real extract has one.
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            var line = text.AsSpan(0, nul).Count('\n') + 1;
            return TypedResults.BadRequest(new { message = $"The file has a NUL character on line {line}; it is not a text extract." });
        }
        using var csv = new StringReader(text);
        try
        {
            var result = await importer.ImportAsync(csv, cancellationToken);
            return TypedResults.Ok(new { inserted = result.Inserted, updated = result.Updated, unchanged = result.Unchanged });
        }
        catch (SchoolImportException e)
        {
            return TypedResults.UnprocessableEntity(new
            {
                message = "The extract was not imported; nothing was changed.",
                errors = e.Errors.Select(r => new { line = r.LineNumber, message = r.Message }),
            });
        }
    }
}
