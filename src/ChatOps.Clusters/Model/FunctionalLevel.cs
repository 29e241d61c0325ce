namespace ChatOps.Clusters.Model;

/// <summary>
/// The cluster's functional level during and after a rolling upgrade (Windows Server 2016 and later): the
/// cluster properties <c>ClusterFunctionalLevel</c> and <c>ClusterUpgradeFunctionalLevel</c>
/// (learn.microsoft.com, MSCS "Cluster common properties"; "Cluster operating system rolling upgrade").
/// </summary>
/// <param name="Current">The level the cluster runs at; null before 2016.</param>
/// <param name="Upgrade">The level every node supports, which <c>Update-ClusterFunctionalLevel</c> would raise it to; null when not reported.</param>
public sealed record FunctionalLevel(int? Current, int? Upgrade)
{
    /// <summary>Every node supports a higher level than the cluster runs at.</summary>
    public bool CanBeRaised => Current is { } current && Upgrade is { } upgrade && upgrade > current;
}
