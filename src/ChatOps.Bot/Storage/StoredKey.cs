namespace ChatOps.Bot.Storage;

/// <summary>
/// An activity key as the stores index it: as sent when short, else its SHA-256, so a hostile
/// id of any length fits an index entry (LiteDB holds 1,023 bytes, a PostgreSQL B-tree about 2,700).
/// </summary>
internal static class StoredKey
{
    public static string Of(string activityKey) =>
        System.Text.Encoding.UTF8.GetByteCount(activityKey) <= 512
            ? activityKey
            : "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(activityKey)));
}
