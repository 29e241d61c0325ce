using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ChatOps.Knowledge.Search;

/// <summary>
/// An immutable in-memory index of one set of articles. Readers take a reference with
/// <see cref="TryAcquire"/> and give it back with <see cref="Release"/>; the index closes when
/// its owner and every reader have released it, so a swap never cuts off a query in flight.
/// </summary>
internal sealed class RunbookIndex
{
    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexedRunbook[] _byDoc;
    private const int ParallelFrom = 200;

    private static readonly FieldType WithOffsets = new FieldType(TextField.TYPE_NOT_STORED)
    {
        StoreTermVectors = true,
        StoreTermVectorOffsets = true,
    }.Freeze();

    private int _references = 1;

    private RunbookIndex(RAMDirectory directory, DirectoryReader reader, IndexedRunbook[] byDoc)
    {
        _directory = directory;
        _reader = reader;
        _byDoc = byDoc;
        Searcher = new IndexSearcher(reader) { Similarity = new ArticleIdfSimilarity(ArticleFrequencies.Of(reader)) };
        Vocabulary = Vocabulary.Of(reader);
    }

    public IndexSearcher Searcher { get; }

    public IndexReader Reader => _reader;

    /// <summary>The English words indexed, for typo matching.</summary>
    public Vocabulary Vocabulary { get; }

    public int Count => _byDoc.Length;

    public IndexedRunbook this[int doc] => _byDoc[doc];

    public static RunbookIndex Build(IReadOnlyList<Runbook> runbooks)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, RunbookAnalyzers.PerField)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256, // few flushes, so few segments to search, without a costly force-merge
        };
        var indexed = new IndexedRunbook[runbooks.Count];
        using (var writer = new IndexWriter(directory, config))
        {
            // Analysis (SmartCn above all) is the cost; the writer takes documents from several threads.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = runbooks.Count < ParallelFrom ? 1 : Environment.ProcessorCount };
            Parallel.For(0, runbooks.Count, parallel, i =>
            {
                indexed[i] = IndexedRunbook.From(runbooks[i]);
                writer.AddDocument(ToDocument(indexed[i]));
            });
            writer.Commit();
        }

        var reader = DirectoryReader.Open(directory);
        return new RunbookIndex(directory, reader, InDocOrder(reader, indexed));
    }

    /// <summary>Documents added from several threads land in any order; the stored id puts each article at its document number.</summary>
    private static IndexedRunbook[] InDocOrder(DirectoryReader reader, IndexedRunbook[] indexed)
    {
        var byId = indexed.ToDictionary(r => r.Runbook.Id, StringComparer.Ordinal);
        var byDoc = new IndexedRunbook[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            byDoc[doc] = byId[reader.Document(doc).Get(IndexFields.Id)];
        }

        return byDoc;
    }

    public bool TryAcquire()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _reader.Dispose();
            _directory.Dispose();
        }
    }

    /// <summary>Searchable text; the fields snippets quote from also keep where each word stands.</summary>
    private static Field Searchable(string name, string text) =>
        new(name, text, SnippetMaker.Fields.Contains(name) ? WithOffsets : TextField.TYPE_NOT_STORED);

    private static Document ToDocument(IndexedRunbook indexed)
    {
        var runbook = indexed.Runbook;
        var document = new Document
        {
            new StringField(IndexFields.Id, runbook.Id, Field.Store.YES),
            new StringField(IndexFields.Exact, runbook.Id.ToLowerInvariant(), Field.Store.NO),
        };
        foreach (var eventId in runbook.EventIds)
        {
            document.Add(new StringField(IndexFields.Exact, eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO));
        }

        foreach (var hotfix in runbook.Hotfixes)
        {
            document.Add(new StringField(IndexFields.Exact, hotfix.ToLowerInvariant(), Field.Store.NO));
            document.Add(new StringField(IndexFields.Exact, hotfix[2..], Field.Store.NO));
        }

        foreach (var (name, _) in IndexFields.Text)
        {
            var text = indexed.FieldText[name];
            if (name == "keywords")
            {
                text += " " + runbook.Id.Replace('-', ' ');
            }

            document.Add(Searchable(name, text));
            if (CjkText.Mask(text) is { } chinese)
            {
                document.Add(Searchable(name + IndexFields.Words, chinese));
                document.Add(Searchable(name + IndexFields.Bigrams, chinese));
            }
        }

        return document;
    }
}
