using System.Collections;
using System.Reflection;
using LiteDB;

namespace ChatOps.Bot.Storage;

internal static partial class LiteDbIntegrity
{
    /// <summary>
    /// A document maps to the type its store reads it as, with every member the type says is never null
    /// present. A damaged field name maps to nothing and leaves such a member null, for a reader to fail
    /// on later (a pending action without its action). A member added to a stored type later must be
    /// nullable or have a default: documents written before it lack it.
    /// </summary>
    private static void CheckDocument(BsonMapper mapper, Type? type, BsonDocument document, NullabilityInfoContext nullability)
    {
        if (type is null)
        {
            return;
        }

        var mapped = mapper.Deserialize(type, document);
        Complete(mapped, type.Name, nullability);

        // A sweep is kept as JSON inside its document: it is read as the sweep it holds.
        if (mapped is LiteDbSweepHistory.SweepDocument sweep)
        {
            _ = sweep.Read();
        }
    }

    private static void Complete(object value, string path, NullabilityInfoContext nullability)
    {
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal or DateTime or DateTimeOffset or Guid or TimeSpan or byte[] or BsonValue)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                if (item is not null)
                {
                    Complete(item, path + "[]", nullability);
                }
            }

            return;
        }

        // The members the mapper fills: public properties it can set (init included).
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            if (property.GetValue(value) is { } member)
            {
                Complete(member, $"{path}.{property.Name}", nullability);
            }
            else if (nullability.Create(property).ReadState == NullabilityState.NotNull)
            {
                throw new InvalidDataException($"{path}.{property.Name} is missing");
            }
        }
    }
}
