using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InclusionNetwork.Silo.Security;
using InclusionNetwork.TestSupport;

namespace InclusionNetwork.Silo.Tests.Security;

/// <summary>
/// Every operation is charged its estimated cost to its caller's budget: one that the budget
/// cannot pay waits until it can, or is refused at once when it could not be paid within the
/// longest wait; another caller pays from its own budget meanwhile.
/// </summary>
[Collection(PostgresCollection.Second)]
public sealed class CallerCostBudgetTests(PostgresFixture postgres)
{
    private static CallerCostBudget Budget(long burst, long perSecond, double maxWaitSeconds) =>
        new(new CallerCostBudgetOptions { BurstCost = burst, CostPerSecond = perSecond, MaxWaitSeconds = maxWaitSeconds },
            // No operation here is costly enough for the lane to hold it: these tests are about the budget alone.
            new CostlyOperationLane(new CostlyOperationOptions { FromCost = long.MaxValue }));

    [Fact]
    public async Task A_caller_that_has_spent_its_budget_waits_while_another_is_admitted_at_once()
    {
        using var budget = Budget(burst: 10_000, perSecond: 1_000, maxWaitSeconds: 5);
        Task<IDisposable?> waiting;
        using (CallerCostBudget.ChargeTo("address:192.0.2.1"))
        {
            Assert.NotNull(await budget.AdmitAsync(10_000, CancellationToken.None));

            // Spent: the next operation waits for the budget to refill.
            waiting = budget.AdmitAsync(500, CancellationToken.None).AsTask();
            await Task.Delay(100);
            Assert.False(waiting.IsCompleted);
        }

        // Someone else pays from their own budget at once.
        using (CallerCostBudget.ChargeTo("address:192.0.2.2"))
        {
            var other = budget.AdmitAsync(10_000, CancellationToken.None);
            Assert.True(other.IsCompletedSuccessfully);
            Assert.NotNull(await other);
        }

        // Refilled, the waiting operation runs.
        Assert.NotNull(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task An_operation_the_budget_could_not_pay_within_the_longest_wait_is_refused_at_once_and_the_silos_own_work_is_never_charged()
    {
        using var budget = Budget(burst: 10_000, perSecond: 1_000, maxWaitSeconds: 2);
        using (CallerCostBudget.ChargeTo("address:192.0.2.1"))
        {
            Assert.NotNull(await budget.AdmitAsync(10_000, CancellationToken.None));

            var refused = budget.AdmitAsync(5_000, CancellationToken.None);
            Assert.True(refused.IsCompletedSuccessfully);
            Assert.Null(await refused);
        }

        for (var i = 0; i < 10; i++)
        {
            var own = budget.AdmitAsync(10_000, CancellationToken.None);
            Assert.True(own.IsCompletedSuccessfully);
            Assert.NotNull(await own);
        }
    }

    [Fact]
    public async Task Over_http_a_caller_past_its_budget_is_answered_503_while_another_address_is_answered()
    {
        await using var silo = await SiloHost.StartAsync(await postgres.CreateMigratedDatabaseAsync(), settings:
        [
            new("GraphQL:CallerCostBudget:BurstCost", "100"),
            new("GraphQL:CallerCostBudget:CostPerSecond", "1"),
            new("GraphQL:CallerCostBudget:MaxWaitSeconds", "0"),
        ]);
        using var client = silo.CreateClient();
        using var neighbour = LoopbackClient.From(IPAddress.Parse("127.0.0.2"), silo.BaseAddress);
        // Ten areas with their districts cost well over a hundred: the first pays the whole budget.
        const string Query = "{ areas { id districts { id name } } }";

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/graphql", new { query = Query })).StatusCode);
        var refused = await client.PostAsJsonAsync("/graphql", new { query = Query });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("SERVER_BUSY", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);

        Assert.Equal(HttpStatusCode.OK, (await neighbour.PostAsJsonAsync("/graphql", new { query = Query })).StatusCode);
    }
}
