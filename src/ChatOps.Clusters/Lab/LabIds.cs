using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Clusters.Lab;

/// <summary>Deterministic ids and addresses: the same seed tells the same story.</summary>
internal static class LabIds
{
    public static Guid VmId(int seed, string cluster, string vm) => Derive($"{seed}/{cluster}/vm/{vm.ToUpperInvariant()}");

    public static Guid Derive(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>The 169.254.x.y address Windows picks for this VM when DHCP and its static address fail.</summary>
    public static string Apipa(Guid vmId, int nic)
    {
        var bytes = vmId.ToByteArray();
        return $"169.254.{1 + (bytes[nic % 16] % 254)}.{1 + (bytes[(nic + 7) % 16] % 254)}";
    }
}
