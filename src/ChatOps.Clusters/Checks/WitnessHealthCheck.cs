using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// The witness must be online to vote. A failed or offline witness stops nothing while the nodes keep
/// a majority, but the spare vote for the next failure is gone (learn.microsoft.com "Configure and
/// manage quorum", "Deploy a cloud witness"). Each kind is named with where it lives and the events
/// that say why.
/// </summary>
internal sealed class WitnessHealthCheck : IClusterCheck
{
    public string Id => CheckIds.WitnessHealth;

    public string Title => "Quorum witness online";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var quorum = snapshot.Quorum;
        if (quorum.Witness == WitnessKind.None || quorum.WitnessOnline != false)
        {
            yield break;
        }

        var state = quorum.WitnessState ?? "not online";
        var (what, events, kb) = quorum.Witness switch
        {
            WitnessKind.Cloud => ($"The cloud witness (storage account {quorum.WitnessLocation ?? "unknown"})", "1568 (cannot reach Azure storage) or 1569 (access denied: the key changed)", KbIds.CloudWitnessUnreachable),
            WitnessKind.FileShare => ($"The file-share witness {quorum.WitnessLocation ?? "(share unknown)"}", "1564, 1563 or 1562 (the share or its permissions)", KbIds.CloudWitnessUnreachable),
            _ => ($"The disk witness {quorum.WitnessLocation ?? "(disk unknown)"}", "the disk's own events and its paths from the owner node", KbIds.QuorumConfiguration),
        };
        yield return new Finding(Id, Severity.Medium, snapshot.Name,
            $"{what} is {state}: it does not vote, so the cluster has one spare vote fewer for the next node failure. Read {events}.",
            kb);
    }
}
