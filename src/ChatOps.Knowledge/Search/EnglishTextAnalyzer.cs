using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ChatOps.Knowledge.Search;

/// <summary>
/// English words, stemmed (Porter). Dotted and mixed tokens are also split into their parts
/// (<c>vmwp.exe</c> → <c>vmwp.exe</c>, <c>vmwp</c>, <c>exe</c>; <c>KB970529</c> → also <c>kb</c>, <c>970529</c>)
/// so that either form finds the other. Chinese characters are left to the Chinese fields.
/// </summary>
internal sealed class EnglishTextAnalyzer : Analyzer
{
    private const WordDelimiterFlags Split =
        WordDelimiterFlags.GENERATE_WORD_PARTS | WordDelimiterFlags.GENERATE_NUMBER_PARTS |
        WordDelimiterFlags.SPLIT_ON_NUMERICS | WordDelimiterFlags.PRESERVE_ORIGINAL;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        TokenStream stream = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, source);
        stream = new WordDelimiterFilter(LuceneVersion.LUCENE_48, stream, Split, null);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, stream);
        stream = new ScriptFilter(stream, keepCjk: false);
        stream = new StopFilter(LuceneVersion.LUCENE_48, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}
