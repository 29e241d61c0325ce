using System.Text;
using Markdig.Syntax.Inlines;

namespace ChatOps.Knowledge.Loading;

/// <summary>Plain text of inline Markdown (headings, table cells): literals and code, no markup.</summary>
internal static class InlineText
{
    public static string Plain(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        Append(builder, container);
        return builder.ToString().Trim();
    }

    private static void Append(StringBuilder builder, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case ContainerInline children:
                foreach (var child in children)
                {
                    Append(builder, child);
                }

                break;
        }
    }
}
