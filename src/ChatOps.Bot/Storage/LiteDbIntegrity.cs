using System.Collections;
using System.Reflection;
using LiteDB;
using LiteDB.Engine;

namespace ChatOps.Bot.Storage;

/// <summary>
/// Reads a state file whole before the service uses it. LiteDB notices damage only in what it reads
/// (counting a collection reads its index, not its documents), so a lighter check leaves damage for a
/// later reader to trip on: the pending-action watch at start, a button press. The file is opened
/// read-only: a damaged one is left exactly as it was found (opened for writing, LiteDB marks a file it
/// failed on, so the copy moved aside would not be the file as it was).
/// </summary>
internal static partial class LiteDbIntegrity
{
    /// <summary>Null when everything reads; otherwise where reading failed and why, on one line.</summary>
    public static string? Check(string path, BsonMapper mapper)
    {
        LiteEngine? engine = null;
        var where = "the header and collection list";
        try
        {
            engine = new LiteEngine(new EngineSettings { Filename = path, ReadOnly = true });
            using var database = new LiteDatabase(engine, mapper, disposeOnClose: false);
            where = "the pages";
            CheckPages(database);
            var indexes = database.GetCollection("$indexes").FindAll().ToList();
            var nullability = new NullabilityInfoContext();
            foreach (var name in database.GetCollectionNames().ToList())
            {
                StoredCollections.All.TryGetValue(name, out var type);
                foreach (var index in indexes.Where(i => i["collection"].AsString == name))
                {
                    where = $"collection {name}, index {index["name"].AsString}";
                    ReadThrough(database.GetCollection(name), index["expression"].AsString, document => CheckDocument(mapper, type, document, nullability));
                }
            }

            return null;
        }
        catch (Exception ex)
        {
            // Whatever a damaged file makes LiteDB throw: its own errors, but also invalid UTF-8, an
            // unknown BSON type (NotSupportedException, NotImplementedException), a cast, an index out of range.
            return $"reading {where}: {ex.Message.ReplaceLineEndings(" ")}";
        }
        finally
        {
            if (engine is not null)
            {
                ForgetTransactions(engine);
                engine.Dispose();
            }
        }
    }

    /// <summary>
    /// Every document through one index: in order both ways (the stores read newest first as well as
    /// oldest first), then each found again by its key, which walks the index's upper levels as a look-up
    /// by id or a range from a time does.
    /// </summary>
    private static void ReadThrough(ILiteCollection<BsonDocument> collection, string expression, Action<BsonDocument> check)
    {
        var key = BsonExpression.Create(expression);
        var seek = $"{expression} = @0";
        var keys = new List<BsonValue>();
        foreach (var document in collection.Find(Query.All(expression, Query.Ascending)))
        {
            check(document);
            keys.Add(key.ExecuteScalar(document));
        }

        var descending = collection.Find(Query.All(expression, Query.Descending)).Count();
        if (descending != keys.Count)
        {
            throw new InvalidDataException($"{keys.Count} documents in order and {descending} in reverse order");
        }

        foreach (var value in keys)
        {
            // One source text with the key as a parameter (LiteDB compiles an expression once per text),
            // selecting only the key, so the look-up reads the index and not the document again.
            if (!collection.Query().Where(BsonExpression.Create(seek, value)).Select(key).ToDocuments().Any())
            {
                throw new InvalidDataException($"the document with key {value} is not found by its key");
            }
        }
    }

    /// <summary>
    /// LiteDB 5.0.21 leaves the transaction of a query that failed undisposed, or fails disposing it, and
    /// its finalizer later throws on the finalizer thread, which ends the process (LiteDB issue #2828,
    /// fixed after 5.x by removing that finalizer). This check reads damaged files on purpose, so it takes
    /// the transactions it leaves off the finalizer queue; the engine's own dispose still closes the file.
    /// </summary>
    private static void ForgetTransactions(LiteEngine engine)
    {
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
        var monitor = typeof(LiteEngine).GetField("_monitor", Private)?.GetValue(engine);
        if (monitor?.GetType().GetField("_transactions", Private)?.GetValue(monitor) is IDictionary transactions)
        {
            foreach (var transaction in transactions.Values.Cast<object>().ToList())
            {
                GC.SuppressFinalize(transaction);
            }
        }
    }
}
