namespace ChatOps.Knowledge.Tests;

/// <summary>One knowledge base over the repository's <c>kb/</c>, shared by the tests that only read it.</summary>
public sealed class RealKnowledgeBase : IDisposable
{
    internal KnowledgeBase Knowledge { get; } = TestFolders.Open(TestFolders.Kb);

    public void Dispose() => Knowledge.Dispose();
}
