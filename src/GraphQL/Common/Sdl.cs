namespace InclusionNetwork.GraphQL.Common;

/// <summary>Reads a concept's SDL file, embedded in this assembly under its folder path.</summary>
public static class Sdl
{
    public static string Read(string path)
    {
        using var stream = typeof(Sdl).Assembly.GetManifestResourceStream(path)
            ?? throw new InvalidOperationException($"The SDL file {path} is not embedded in {typeof(Sdl).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
