using InclusionNetwork.GraphQL.Engine.Execution;

namespace InclusionNetwork.GraphQL.Engine.Tests;

/// <summary>Assertions on execution results that show the errors when they fail.</summary>
internal static class ResultAssert
{
    public static void NoErrors(ExecutionResult result)
    {
        if (result.Errors.Count > 0)
        {
            Assert.Fail("Unexpected errors:\n" + string.Join("\n", result.Errors));
        }
    }
}
