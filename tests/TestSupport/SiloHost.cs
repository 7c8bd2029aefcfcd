using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Net.Sockets;
using InclusionNetwork.Grains.Common;
using InclusionNetwork.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionNetwork.TestSupport;

/// <summary>
/// The real Silo, started in the test process on a free loopback port against a test
/// database, reached over real HTTP.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    public const string DemoPassword = "demo-password-for-tests";

    private readonly WebApplication app;

    private SiloHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<SiloHost> StartAsync(string connectionString, bool loadDemoData = false, TimeProvider? clock = null,
        IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Postgres={connectionString}",
            $"--Demo:Load={loadDemoData}",
            $"--Demo:Password={DemoPassword}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:Format=simple",
            // Messages go to a folder of this host's own unless a test gives an SMTP server.
            $"--Email:PickupDirectory={Path.Combine(Path.GetTempPath(), "inclusion-network-tests", "mail", Guid.NewGuid().ToString("N"))}",
        };
        // Each silo in the test process needs its own Orleans ports; silos on one database form a cluster.
        args.Add($"--Cluster:SiloPort={FreePort()}");
        args.Add($"--Cluster:GatewayPort={FreePort()}");
        args.AddRange((settings ?? []).Select(s => $"--{s.Key}={s.Value}"));
        var app = await SiloApplication.BuildAsync([.. args], builder =>
        {
            if (clock is not null)
            {
                builder.Services.AddSingleton(new DomainClock(clock));
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SiloHost(app, new Uri(address));
    }

    /// <summary>A loopback port nobody listens on now (the OS hands out each at most once in a while).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public HttpClient CreateClient(string? bearerToken = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
        return client;
    }

    /// <summary>Signs in through <c>POST /auth/token</c> and returns a client carrying the token.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = DemoPassword)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return CreateClient(token!.Token);
    }

    private sealed record TokenResponse(string Id, string Token, DateTimeOffset ExpiresAt);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
