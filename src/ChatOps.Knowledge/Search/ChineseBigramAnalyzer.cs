using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ChatOps.Knowledge.Search;

/// <summary>
/// Overlapping pairs of Chinese characters (集群服务 → 集群, 群服, 服务). SmartCn splits some
/// terms into single characters (杀|掉|集|群|服务); bigrams still match them.
/// </summary>
internal sealed class ChineseBigramAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new CJKBigramFilter(stream);
        stream = new ScriptFilter(stream, keepCjk: true);
        return new TokenStreamComponents(source, stream);
    }
}
