namespace ChatOps.Commands.Tests.Fakes;

/// <summary>What a state store that does not answer throws (PostgreSQL refusing connections, say).</summary>
internal static class StoreDown
{
    public static void ThrowIf(bool down)
    {
        if (down)
        {
            throw new StateUnavailableException("the state database refused the connection");
        }
    }
}
