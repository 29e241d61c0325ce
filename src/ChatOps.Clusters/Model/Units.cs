using System.Globalization;

namespace ChatOps.Clusters.Model;

/// <summary>Formats sizes the way operators read them.</summary>
public static class Units
{
    /// <summary>Megabytes as GB with at most one decimal, e.g. <c>62 GB</c> or <c>1.5 GB</c>.</summary>
    public static string Gb(long megabytes) =>
        (megabytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " GB";
}
