using System.Text.Json;

namespace ChatOps.Clusters.PowerShell;

/// <summary>A JSON value as a reference type (the per-node call helper returns classes).</summary>
internal sealed record JsonBox(JsonElement Json);
