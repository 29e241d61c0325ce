using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Knowledge;

/// <summary>One level-2 section of an article as reply blocks, its heading first.</summary>
internal sealed record ArticleSection(string Title, IReadOnlyList<ReplyBlock> Blocks);
