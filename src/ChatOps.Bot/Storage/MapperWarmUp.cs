using System.Collections;
using System.Reflection;
using LiteDB;

namespace ChatOps.Bot.Storage;

/// <summary>
/// LiteDB 5.0.21 builds a type's entity mapper on first use, into a dictionary it does not lock
/// (LiteDB issues #2536 and #2565, fixed upstream by PR #2538, not released): two first writes at
/// once can store an empty or partial document. Building every stored type's mapper, and those
/// of the types inside it, before the store is shared leaves nothing to build concurrently.
/// </summary>
internal static class MapperWarmUp
{
    /// <summary>The document types the stores write, those of <see cref="StoredCollections"/>.</summary>
    public static IEnumerable<Type> Documents => StoredCollections.All.Values;

    private static readonly MethodInfo EntityMethod = typeof(BsonMapper).GetMethod(nameof(BsonMapper.Entity), Type.EmptyTypes)!;

    public static void Warm(BsonMapper mapper)
    {
        var seen = new HashSet<Type>();
        foreach (var type in Documents)
        {
            Walk(mapper, type, seen);
        }
    }

    private static void Walk(BsonMapper mapper, Type type, HashSet<Type> seen)
    {
        var element = Nullable.GetUnderlyingType(type) ?? ElementOf(type) ?? type;
        if (element != type)
        {
            Walk(mapper, element, seen);
            return;
        }

        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) ||
            type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(TimeSpan) ||
            type == typeof(byte[]) || typeof(BsonValue).IsAssignableFrom(type) || type == typeof(object))
        {
            return;
        }

        // Entity<T>() builds (and caches) T's mapper; its members are the type's public properties.
        EntityMethod.MakeGenericMethod(type).Invoke(mapper, null);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            Walk(mapper, property.PropertyType, seen);
        }
    }

    private static Type? ElementOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        var arguments = enumerable?.GetGenericArguments();
        return arguments is [var single] ? single : arguments?.LastOrDefault();
    }
}
