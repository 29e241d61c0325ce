using ChatOps.Knowledge.Search;

namespace ChatOps.Knowledge.Tests.Search;

public sealed class SynonymsTests(RealKnowledgeBase kb) : IClassFixture<RealKnowledgeBase>
{
    private static readonly Synonyms Sample = Synonyms.Parse("""
        # a comment
        hang, hung, frozen, unresponsive, 卡死, 无响应
        lonely
        expand, resize
        """);

    [Fact]
    public void Widen_EnglishMember_GivesTheOthersAsStems()
    {
        var (english, chinese) = Sample.Widen("frozen node", ["frozen", "node"]);

        Assert.Equal(["hang", "hung", "unrespons"], english.Order(StringComparer.Ordinal));
        Assert.Equal("卡死 无响应", chinese);
    }

    [Fact]
    public void Widen_ChineseMember_GivesTheEnglishAndTheOtherChinese()
    {
        var (english, chinese) = Sample.Widen("集群节点卡死", []);

        Assert.Contains("hung", english);
        Assert.Equal("无响应", chinese);
    }

    [Fact]
    public void Widen_NoGroupTouched_Nothing()
    {
        var (english, chinese) = Sample.Widen("lonely quorum", ["lone", "quorum"]);

        Assert.Empty(english);
        Assert.Empty(chinese);
    }

    [Fact]
    public void Default_LoadsTheEmbeddedFile()
    {
        var (english, _) = Synonyms.Default.Widen("frozen", ["frozen"]);

        Assert.Contains("hung", english);
    }

    /// <summary>"frozen" is in no runbook; the kill-clussvc runbook says "hung node" and "unresponsive node".</summary>
    [Theory]
    [InlineData("frozen node")]
    [InlineData("the node froze")]
    public void Search_WordNoRunbookUses_FindsTheRunbookThatSaysItsSynonym(string query)
    {
        var result = kb.Knowledge.Search(query, 1);

        Assert.Equal("kill-clussvc-last-resort", result.Hits.Single().Runbook.Id);
        Assert.False(result.Fuzzy);
    }
}
