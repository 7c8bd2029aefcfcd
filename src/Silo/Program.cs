using InclusionNetwork.Silo;
using InclusionNetwork.Silo.Database;

try
{
    var app = await SiloApplication.BuildAsync(args);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is EmbeddedPostgresException or MigrationException or DatabaseConfigurationException or StartupConfigurationException)
{
    // Start-up problems the operator must fix get one clear line, not a stack trace.
    Console.Error.WriteLine(e.Message);
    return 1;
}
