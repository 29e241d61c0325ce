using LiteDB;

namespace ChatOps.Bot.Storage;

internal static partial class LiteDbIntegrity
{
    private static readonly HashSet<string> PageTypes = ["Empty", "Header", "Collection", "Index", "Data"];

    /// <summary>
    /// Every page says it is the page it is and of a type LiteDB knows, and every link between pages (a
    /// page's neighbours, the lists of pages with free space, the list of empty pages) names a page of
    /// the file. Reading documents does not follow these links; the next write does, and fails on one
    /// that points past the end.
    /// </summary>
    private static void CheckPages(LiteDatabase database)
    {
        var header = database.GetCollection("$database").FindAll().Single();
        var last = header["lastPageID"].AsInt32;
        Link("the list of empty pages", header["freeEmptyPageID"], last);
        var expected = 0;
        foreach (var page in database.GetCollection("$dump").FindAll())
        {
            var id = page["pageID"].AsInt32;
            if (id != expected || !PageTypes.Contains(page["pageType"].AsString))
            {
                throw new InvalidDataException($"page {expected} says it is page {id} of type {page["pageType"].AsString}");
            }

            Link($"page {id}'s previous page", page["prevPageID"], last);
            Link($"page {id}'s next page", page["nextPageID"], last);
            foreach (var list in page["dataPageList"].IsArray ? page["dataPageList"].AsArray : [])
            {
                Link($"collection page {id}'s list of data pages", list, last);
            }

            foreach (var index in page["indexes"].IsArray ? page["indexes"].AsArray : [])
            {
                Link($"collection page {id}'s list of index pages", index["freeIndexPageList"], last);
            }

            expected++;
        }

        if (expected != last + 1)
        {
            throw new InvalidDataException($"{expected} pages read of {last + 1}");
        }
    }

    /// <summary>A link is a page number up to the last page, or none (-1: LiteDB's <c>uint.MaxValue</c>).</summary>
    private static void Link(string what, BsonValue page, int last)
    {
        if (page.AsInt32 < -1 || page.AsInt32 > last)
        {
            throw new InvalidDataException($"{what} is page {page.AsInt32}, past the last page {last}");
        }
    }
}
