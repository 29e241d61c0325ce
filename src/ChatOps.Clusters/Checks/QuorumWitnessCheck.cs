using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;

namespace ChatOps.Clusters.Checks;

/// <summary>
/// The vote model must suit the layout: a multi-site cluster needs its file-share witness in a
/// third site; disk-only quorum is a single point of failure; an even node count wants a witness.
/// </summary>
internal sealed class QuorumWitnessCheck : IClusterCheck
{
    public string Id => CheckIds.QuorumWitness;

    public string Title => "Quorum model and witness placement";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var quorum = snapshot.Quorum;
        var dataSites = snapshot.Nodes.Select(n => n.Site).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var evidence = new List<string>();
        var severity = Severity.Medium;
        if (quorum.Type == QuorumType.NoMajorityDiskOnly)
        {
            severity = Severity.High;
            evidence.Add("Quorum is disk only: losing the quorum disk stops the whole cluster");
        }
        else if (dataSites.Count > 1)
        {
            if (quorum.Witness == WitnessKind.FileShare && quorum.WitnessSite is { } site && dataSites.Contains(site, StringComparer.OrdinalIgnoreCase))
            {
                severity = Severity.High;
                var loss = QuorumCalculator.WithoutSite(snapshot, site);
                evidence.Add($"The file-share witness {quorum.WitnessLocation} is in data site {site}, not in a third site. {loss.Explanation}");
            }
            else if (quorum.Witness == WitnessKind.Disk)
            {
                evidence.Add($"A multi-site cluster uses a disk witness ({quorum.WitnessLocation}), which lives in one site's storage; use a file-share witness in a third site");
            }
            else if (quorum.Witness == WitnessKind.None && snapshot.Nodes.Count % 2 == 0)
            {
                evidence.Add($"{snapshot.Nodes.Count} nodes across {dataSites.Count} sites vote with no witness: an even split loses quorum on both sides");
            }
            else if (quorum.Witness == WitnessKind.FileShare && quorum.WitnessSite is null)
            {
                severity = Severity.Low;
                evidence.Add($"The site of the file-share witness {quorum.WitnessLocation} is not recorded; it must be in neither data site");
            }
        }
        else if (quorum.Type == QuorumType.NodeMajority && snapshot.Nodes.Count % 2 == 0)
        {
            severity = Severity.Low;
            evidence.Add($"{snapshot.Nodes.Count} nodes with node majority: add a witness so half the nodes can fail");
        }

        if (evidence.Count > 0)
        {
            yield return new Finding(Id, severity, snapshot.Name, string.Join(". ", evidence).TrimEnd('.') + ".", KbIds.QuorumConfiguration);
        }
    }
}
