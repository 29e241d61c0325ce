namespace ChatOps.Bot.Storage;

/// <summary>
/// The collections the LiteDB stores use, each with the document type its store reads it as. The
/// mapper is warmed for these types (<see cref="MapperWarmUp"/>) and a file is read whole as them
/// when it is opened (<see cref="LiteDbIntegrity"/>): a store that adds a collection adds it here.
/// </summary>
internal static class StoredCollections
{
    public static readonly IReadOnlyDictionary<string, Type> All = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        [LiteDbAuditLog.Collection] = typeof(LiteDbAuditLog.AuditDocument),
        [LiteDbPendingActions.Collection] = typeof(LiteDbPendingActions.PendingDocument),
        [LiteDbPersonalChats.Collection] = typeof(LiteDbPersonalChats.PersonalChatDocument),
        [LiteDbProcessedActivities.Collection] = typeof(LiteDbProcessedActivities.ProcessedDocument),
        [LiteDbSubscriptions.Collection] = typeof(LiteDbSubscriptions.SubscriptionDocument),
        [LiteDbSweepHistory.Collection] = typeof(LiteDbSweepHistory.SweepDocument),
        [LiteDbSweepHistory.MarksCollection] = typeof(LiteDbSweepHistory.MarkDocument),
    };
}
