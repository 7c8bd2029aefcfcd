using System.Reflection;

namespace InclusionNetwork.Silo.Web;

/// <summary>
/// Finds the built front end (wwwroot/app, written by the Silo's MSBuild target from src/Web).
/// Looked for, in order: the <c>Web:Root</c> setting; wwwroot under the content root (a
/// published app, or <c>dotnet run</c> in the project folder); wwwroot beside the binaries;
/// and the project's own wwwroot recorded at build time, so tests and <c>dotnet run
/// --project</c> from anywhere serve what the build just produced.
/// </summary>
public static class WebRoot
{
    public static string? Find(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var candidates = new List<string?>
        {
            configuration["Web:Root"],
            Path.Combine(environment.ContentRootPath, "wwwroot"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            typeof(WebRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "InclusionNetwork.WebRoot")?.Value,
        };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(Path.Combine(c, "app", "pages.js")));
    }
}
