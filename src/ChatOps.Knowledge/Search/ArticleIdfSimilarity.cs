using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ChatOps.Knowledge.Search;

/// <summary>
/// Lucene's classic TF-IDF, with a word's rarity counted over whole articles instead of one field.
/// Per field, a common word that only one title happens to hold ("up", "access", "fail") is as
/// rare as an error code, and a one-word title match outranked articles matching the question's
/// specific words in their keywords and body. This is the blending Elasticsearch's cross-field
/// queries and Lucene's later <c>BlendedTermQuery</c> do; field boosts still weigh where a word stands.
/// </summary>
internal sealed class ArticleIdfSimilarity(ArticleFrequencies frequencies) : DefaultSimilarity
{
    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats)
    {
        var docFreq = Math.Max(termStats.DocFreq, frequencies.Holding(collectionStats.Field, termStats.Term) ?? 0);
        var docCount = collectionStats.MaxDoc;
        return new Explanation(Idf(docFreq, docCount), $"idf(articleFreq={docFreq}, maxDocs={docCount})");
    }

    public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats)
    {
        var explanation = new Explanation { Description = "idf(), sum of:" };
        foreach (var stats in termStats)
        {
            var idf = IdfExplain(collectionStats, stats);
            explanation.AddDetail(idf);
            explanation.Value += idf.Value;
        }

        return explanation;
    }
}
