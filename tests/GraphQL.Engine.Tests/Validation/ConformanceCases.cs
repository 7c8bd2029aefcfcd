using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Types;
using YamlDotNet.Serialization;

namespace InclusionNetwork.GraphQL.Engine.Tests.Validation;

/// <summary>
/// The graphql-js validation cases in <c>../shared/conformance/graphql-validation</c>, read in
/// place (never copied into the repository) and run against schemas built by the engine.
/// </summary>
public static class ConformanceCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceCase>> Loaded = new(Load);
    private static readonly Dictionary<string, Schema> Schemas = new(StringComparer.Ordinal);

    public static string Folder { get; } = FindFolder();

    public static IReadOnlyDictionary<string, ConformanceCase> All => Loaded.Value;

    public static Schema SchemaFor(ConformanceCase testCase)
    {
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(testCase.SchemaSdl, out var schema))
            {
                // The engine has the prelude's definitions built in (ConformancePreludeTests
                // checks they agree), so only the schema itself is built; concatenating the
                // prelude would also declare Int, Float and ID, which graphql-js's cases expect
                // to be absent unless the schema uses them.
                schema = new SchemaBuilder()
                    .AddSdl(testCase.SchemaSdl)
                    .Scalar(new AlwaysInvalidScalar("CustomScalar"))
                    .Build();
                Schemas[testCase.SchemaSdl] = schema;
            }

            return schema;
        }
    }

    private static string FindFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InclusionNetwork.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains InclusionNetwork.sln.");
        }

        return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "conformance", "graphql-validation"));
    }

    private static IReadOnlyDictionary<string, ConformanceCase> Load()
    {
        var deserializer = new DeserializerBuilder().Build();
        var schemas = deserializer.Deserialize<List<string>>(File.ReadAllText(Path.Combine(Folder, "schemas.yml")));
        var cases = new SortedDictionary<string, ConformanceCase>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Folder, "*.spec.yml").Order(StringComparer.Ordinal))
        {
            var entries = deserializer.Deserialize<List<Dictionary<string, object?>>?>(File.ReadAllText(file)) ?? [];
            foreach (var entry in entries)
            {
                var rule = (string)entry["rule"]!;
                var schemaValue = (string)entry["schema"]!;
                var schemaSdl = int.TryParse(schemaValue, out var index) ? WithoutInjectedTypes(schemas[index]) : schemaValue;
                var errors = new List<ExpectedError>();
                foreach (var error in (List<object>?)entry.GetValueOrDefault("errors") ?? [])
                {
                    var map = (Dictionary<object, object>)error;
                    var locations = ((List<object>?)map.GetValueOrDefault("locations") ?? [])
                        .Cast<Dictionary<object, object>>()
                        .Select(l => new SourceLocation(int.Parse((string)l["line"]), int.Parse((string)l["column"])))
                        .ToList();
                    errors.Add(new ExpectedError((string)map["message"], locations));
                }

                var id = $"{rule}/{entry["name"]}";
                var unique = id;
                for (var n = 2; cases.ContainsKey(unique); n++)
                {
                    unique = $"{id} ({n})";
                }

                cases[unique] = new ConformanceCase(unique, rule, schemaSdl, (string)entry["query"]!, errors);
            }
        }

        return cases;
    }

    /// <summary>
    /// schemas.yml adds types to the first schema ("injected because upstream spec is missing
    /// some types") that graphql-js's own test schema does not have. The expected errors were
    /// produced without them, and with them two OverlappingFieldsCanBeMerged cases would see
    /// fields on unrelated object types (which never conflict by name). The cases are run
    /// against the schema graphql-js used; every other case gives the same result either way.
    /// </summary>
    private static string WithoutInjectedTypes(string sdl)
    {
        var marker = sdl.IndexOf("# injected", StringComparison.Ordinal);
        return marker < 0 ? sdl : sdl[..marker];
    }

    /// <summary>graphql-js's test scalar whose literal parsing always fails without a message of its own.</summary>
    private sealed class AlwaysInvalidScalar(string name) : ScalarType(name)
    {
        public override object? ParseLiteral(ValueNode node, IReadOnlyDictionary<string, object?>? variables = null) => InvalidValue;
    }
}

public sealed record ExpectedError(string Message, IReadOnlyList<SourceLocation> Locations);

public sealed record ConformanceCase(string Id, string Rule, string SchemaSdl, string Query, IReadOnlyList<ExpectedError> Errors);
