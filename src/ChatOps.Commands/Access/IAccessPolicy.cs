namespace ChatOps.Commands.Access;

/// <summary>Decides the role of a caller.</summary>
public interface IAccessPolicy
{
    /// <summary>The highest role the caller holds.</summary>
    Role RoleOf(Caller caller);
}
