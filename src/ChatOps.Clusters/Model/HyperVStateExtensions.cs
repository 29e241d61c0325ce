namespace ChatOps.Clusters.Model;

/// <summary>Questions asked of a <see cref="HyperVState"/>.</summary>
public static class HyperVStateExtensions
{
    /// <summary>True for the <c>...Critical</c> states (storage unreachable).</summary>
    public static bool IsCritical(this HyperVState state) => state is >= HyperVState.OffCritical and <= HyperVState.StoppingCritical;

    /// <summary>True when the VM holds memory on the node: running, paused, starting, saving or stopping.</summary>
    public static bool HoldsMemory(this HyperVState state) =>
        state.Normal() is HyperVState.Running or HyperVState.Paused or HyperVState.Starting or HyperVState.Saving or HyperVState.Stopping;

    /// <summary>True when the VM is running (including its critical variant).</summary>
    public static bool IsRunning(this HyperVState state) => state.Normal() == HyperVState.Running;

    /// <summary>The state without its <c>Critical</c> marker.</summary>
    public static HyperVState Normal(this HyperVState state) =>
        state.IsCritical() ? (HyperVState)(state - HyperVState.OffCritical) : state;
}
