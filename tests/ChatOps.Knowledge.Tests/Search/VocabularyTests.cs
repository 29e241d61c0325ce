using ChatOps.Knowledge.Search;

namespace ChatOps.Knowledge.Tests.Search;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("quorum", true)]
    [InlineData("kb970529", false)]
    [InlineData("4096", false)]
    [InlineData("169", false)]
    [InlineData("", false)]
    public void IsWord_LettersOnly(string term, bool expected)
    {
        Assert.Equal(expected, Vocabulary.IsWord(term));
    }
}
