using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using InclusionNetwork.GraphQL.Bench;
using InclusionNetwork.GraphQL.Engine.Execution;
using InclusionNetwork.GraphQL.Engine.Introspection;
using InclusionNetwork.GraphQL.Engine.Language;
using InclusionNetwork.GraphQL.Engine.Limits;
using InclusionNetwork.GraphQL.Engine.Types;

// The engine against the reference implementation (npm graphql) on the same schema, data
// and operations: graphql-js's standard introspection query and a 1,000-item nested list.
// Both sides execute a parsed, validated document (graphql-js `execute`), with and without
// writing the JSON response. Run with: dotnet run -c Release --project bench/GraphQL.Bench
const double SecondsPerCase = 3;

var projectDirectory = ProjectDirectory();
var schemaFile = Path.Combine(projectDirectory, "schema.graphql");
var queriesFile = Path.Combine(projectDirectory, "queries.json");
var schema = new SchemaBuilder()
    .AddSdl(File.ReadAllText(schemaFile))
    .Resolve("Query", "items", _ => CatalogueData.Items)
    .Build();
using var queries = JsonDocument.Parse(File.ReadAllText(queriesFile));

var ours = new Dictionary<string, double>
{
    ["introspection, execute"] = Measure(schema, IntrospectionQuery.Standard, serialize: false),
    ["introspection, execute + JSON"] = Measure(schema, IntrospectionQuery.Standard, serialize: true),
    ["1,000-item nested list, execute"] = Measure(schema, queries.RootElement.GetProperty("list").GetString()!, serialize: false),
    ["1,000-item nested list, execute + JSON"] = Measure(schema, queries.RootElement.GetProperty("list").GetString()!, serialize: true),
};
var reference = RunReference(projectDirectory, schemaFile, queriesFile);

Console.WriteLine($"{"case",-42} {"engine ops/s",14} {"graphql-js ops/s",17} {"ratio",7}");
foreach (var (name, opsPerSecond) in ours)
{
    var theirs = reference.GetProperty(name).GetDouble();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-42} {opsPerSecond,14:N0} {theirs,17:N0} {opsPerSecond / theirs,6:0.00}x"));
}

static double Measure(Schema schema, string query, bool serialize)
{
    var document = Parser.Parse(query);
    var request = new ExecutionRequest { Document = document, DocumentIsValidated = true, Limits = RequestLimits.None };
    var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
    using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });

    void Run()
    {
        var result = Executor.ExecuteAsync(schema, request).GetAwaiter().GetResult();
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", result.Errors));
        }

        if (serialize)
        {
            buffer.ResetWrittenCount();
            writer.Reset();
            result.WriteTo(writer);
            writer.Flush();
        }
    }

    var warmUp = Stopwatch.StartNew();
    while (warmUp.Elapsed.TotalSeconds < 1)
    {
        Run();
    }

    var count = 0;
    var timer = Stopwatch.StartNew();
    while (timer.Elapsed.TotalSeconds < SecondsPerCase)
    {
        Run();
        count++;
    }

    return count / timer.Elapsed.TotalSeconds;
}

static JsonElement RunReference(string projectDirectory, string schemaFile, string queriesFile)
{
    var js = Path.Combine(projectDirectory, "js");
    if (!Directory.Exists(Path.Combine(js, "node_modules", "graphql")))
    {
        Run(js, "npm", "ci", "--no-audit", "--no-fund");
    }

    var output = Run(js, "node", "bench.mjs", schemaFile, queriesFile, SecondsPerCase.ToString(CultureInfo.InvariantCulture));
    return JsonDocument.Parse(output).RootElement.Clone();
}

static string Run(string directory, string fileName, params string[] arguments)
{
    var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}.");
}

static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
