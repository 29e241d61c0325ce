using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ChatOps.Knowledge.Search;

/// <summary>Chinese words as SmartCn segments them (虚拟|机|状态|不|同步); other scripts dropped.</summary>
internal sealed class ChineseWordAnalyzer : Analyzer
{
    /// <summary>Particles that carry no meaning in a search.</summary>
    private static readonly CharArraySet StopWords = new(LuceneVersion.LUCENE_48, ["的", "了", "是", "在", "和", "与", "及", "或", "吗", "呢", "啊", "吧", "把", "被", "怎么", "如何", "什么", "为什么"], false);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new HMMChineseTokenizer(reader);
        TokenStream stream = new ScriptFilter(source, keepCjk: true);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, StopWords);
        return new TokenStreamComponents(source, stream);
    }
}
