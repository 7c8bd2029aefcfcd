using InclusionNetwork.Grains.Accounts;
using InclusionNetwork.Grains.Schools;
using InclusionNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.Web.Pages.SchoolImport;

/// <summary>
/// Admins upload the "Get Information about Schools" establishment extract as GIAS
/// publishes it. Every refused row is listed with its line and why; nothing changes unless
/// every row is good. A file upload is not GraphQL: the page calls the same importer as
/// <c>POST /admin/schools/import</c>.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel : InclusionPage
{
    private const long MaxUploadBytes = 50 * 1024 * 1024;

    public IReadOnlyList<SchoolImportError> Refused { get; private set; } = [];

    public IActionResult OnGet()
    {
        Title = "Import schools";
        return OnlyFor(Role.ADMIN) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? extract)
    {
        Title = "Import schools";
        if (OnlyFor(Role.ADMIN) is { } stop)
        {
            return stop;
        }
        if (extract is null || extract.Length == 0)
        {
            Errors.Add("extract", "Choose the establishment extract (a CSV file)");
            return Page();
        }
        using var bytes = new MemoryStream();
        await extract.CopyToAsync(bytes, HttpContext.RequestAborted);
        var text = GiasExtractText.Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            Errors.Add("extract", $"The file has a NUL character on line {text.AsSpan(0, nul).Count('\n') + 1}; choose the CSV extract, not another kind of file");
            return Page();
        }
        try
        {
            var result = await HttpContext.RequestServices.GetRequiredService<SchoolImporter>().ImportAsync(new StringReader(text), HttpContext.RequestAborted);
            Flash = $"The extract is imported: {Formatting.Format.Plural(result.Inserted, "new school", "new schools")}, "
                + $"{Formatting.Format.Plural(result.Updated, "school", "schools")} changed, {result.Unchanged} unchanged.";
            return LocalRedirect("/admin/schools");
        }
        catch (SchoolImportException e)
        {
            Refused = e.Errors;
            Errors.Add("extract", $"The file was not imported: {Formatting.Format.Plural(e.Errors.Count, "row was", "rows were")} refused. Nothing was changed.");
            return Page();
        }
    }
}
