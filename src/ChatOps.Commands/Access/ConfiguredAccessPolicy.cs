using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Access;

/// <summary>Roles from <see cref="AccessOptions"/>; the terminal chat's local user is admin.</summary>
internal sealed class ConfiguredAccessPolicy(IOptionsMonitor<AccessOptions> options) : IAccessPolicy
{
    public Role RoleOf(Caller caller)
    {
        if (caller.IsLocalUser)
        {
            return Role.Admin;
        }

        var current = options.CurrentValue;
        if (Matches(current.Admins, caller))
        {
            return Role.Admin;
        }

        return Matches(current.Operators, caller) ? Role.Operator : Role.Reader;
    }

    private static bool Matches(IEnumerable<string> principals, Caller caller) =>
        principals.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Any(p =>
            (caller.AadObjectId is { Length: > 0 } aad && string.Equals(p, aad, StringComparison.OrdinalIgnoreCase)) ||
            (caller.Upn is { Length: > 0 } upn && string.Equals(p, upn, StringComparison.OrdinalIgnoreCase)) ||
            (caller.ChannelScopedId is { Length: > 0 } scoped && string.Equals(p, scoped, StringComparison.Ordinal)));
}
