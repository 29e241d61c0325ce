namespace ChatOps.Knowledge.Tests.Search;

public sealed class KnowledgeSearchTests(RealKnowledgeBase kb) : IClassFixture<RealKnowledgeBase>
{
    [Theory]
    [InlineData("APIPA", "duplicate-ip-apipa-after-failover")]
    [InlineData("仲裁", "quorum-configuration")]
    [InlineData("虚拟机 状态 不同步", "vm-state-desync")]
    [InlineData("虚拟机状态不同步", "vm-state-desync")]
    [InlineData("杀掉集群服务", "kill-clussvc-last-resort")]
    [InlineData("4096", "stale-vm-config-links-4096")]
    [InlineData("KB970529", "volume-guid-change-kb970529")]
    [InlineData("kb970529", "volume-guid-change-kb970529")]
    [InlineData("vm-state-desync", "vm-state-desync")]
    [InlineData("Unsupported Cluster Configuration", "volume-guid-change-kb970529")]
    public void Search_KnownTerm_ExpectedArticleFirst(string query, string expected)
    {
        var result = kb.Knowledge.Search(query);

        Assert.Equal(expected, result.Hits.First().Runbook.Id);
        Assert.False(result.Fuzzy);
    }

    [Theory]
    [InlineData("migrating VMs failed", "migrat")]
    [InlineData("quorums", "quorum")]
    public void Search_EnglishInflection_FindsTheStem(string query, string stemOf)
    {
        var result = kb.Knowledge.Search(query);

        Assert.NotEmpty(result.Hits);
        Assert.Contains(result.Hits, h => h.Snippet.Contains("**", StringComparison.Ordinal));
        Assert.Contains(result.Hits.Take(3), h => (h.Runbook.Title + h.Runbook.Summary + h.Snippet).Contains(stemOf, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("qourum witnes", "quorum-configuration")]
    [InlineData("heartbaet", "firmware-data-path-parity")]
    public void Search_Typo_FindsByFuzzyMatch(string query, string expected)
    {
        var result = kb.Knowledge.Search(query);

        Assert.True(result.Fuzzy);
        Assert.Contains(expected, result.Hits.Take(3).Select(h => h.Runbook.Id));
    }

    [Theory]
    [InlineData("KB970528")]
    [InlineData("event 4097")]
    public void Search_MistypedNumber_IsNeverGuessed(string query)
    {
        var result = kb.Knowledge.Search(query);

        Assert.False(result.Fuzzy, "a different hotfix or event number is not a typo to correct");
    }

    [Fact]
    public void Search_WordInTitle_RanksAboveBodyOnlyMentions()
    {
        var result = kb.Knowledge.Search("quorum");

        Assert.Equal("quorum-configuration", result.Hits[0].Runbook.Id);
        Assert.True(result.Hits[0].Score > result.Hits[1].Score * 1.5, "a title match should clearly outrank body mentions");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("zzzzqqqq xxxyyy")]
    [InlineData("(*:\" AND OR")]
    public void Search_NothingSearchable_ReturnsNoHitsWithoutThrowing(string query)
    {
        var result = kb.Knowledge.Search(query);

        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Search_Snippet_HighlightsTheMatchedWord()
    {
        var hit = kb.Knowledge.Search("169.254").Hits.First();

        Assert.Equal("duplicate-ip-apipa-after-failover", hit.Runbook.Id);
        Assert.Contains("**169.254", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("仲裁", "**仲裁**")]
    [InlineData("虚拟机 状态 不同步", "**虚拟机状态不同步**")]
    [InlineData("witness placement", "**witness**")]
    public void Search_Snippet_OneShortLineWithTheMatchInBold(string query, string bold)
    {
        var snippet = kb.Knowledge.Search(query).Hits.First().Snippet;

        Assert.Contains(bold, snippet, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', snippet);
        Assert.InRange(snippet.Replace("**", string.Empty, StringComparison.Ordinal).Length, 20, 170);
        Assert.True(snippet.Split("**").Length % 2 == 1, "bold markers come in pairs");
    }

    [Fact]
    public void List_BySeverity_OnlyThatSeverity()
    {
        var critical = kb.Knowledge.List("critical");

        Assert.NotEmpty(critical);
        Assert.All(critical, r => Assert.Equal("critical", r.Severity));
        Assert.Equal(32, kb.Knowledge.List().Count);
    }

    [Fact]
    public void Suggest_MisspelledTitle_ClosestArticleFirst()
    {
        var suggestions = kb.Knowledge.Suggest("quorum configuraton");

        Assert.Equal("quorum-configuration", suggestions[0].Id);
    }
}
