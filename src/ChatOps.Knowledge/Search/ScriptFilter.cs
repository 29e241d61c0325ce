using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ChatOps.Knowledge.Search;

/// <summary>Keeps only Chinese tokens, or only the others, so a field holds one script.</summary>
internal sealed class ScriptFilter : FilteringTokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly bool _keepCjk;

    public ScriptFilter(TokenStream input, bool keepCjk)
        : base(LuceneVersion.LUCENE_48, input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keepCjk = keepCjk;
    }

    protected override bool Accept() => CjkText.HasCjk(_term.Buffer.AsSpan(0, _term.Length)) == _keepCjk;
}
