using Wedge.Application.Problems;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Cli.Commands.Journal;

internal static class FactKeys
{
    /// <summary>Finds the fact a user named as TYPE:ID (tie:t-x) or a bare id that is unique across kinds.</summary>
    public static Fact Find(KnowledgeBase kb, string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && Enum.TryParse<FactType>(text[..colon], ignoreCase: true, out var type))
        {
            return kb.Find(new FactKey(type, text[(colon + 1)..]))
                   ?? throw new ProblemException(ProblemKind.Refused, "refused", $"no {type.ToString().ToLowerInvariant()} '{text[(colon + 1)..]}' on record");
        }

        var matches = Enum.GetValues<FactType>().Select(t => kb.Find(new FactKey(t, text))).OfType<Fact>().ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ProblemException(ProblemKind.Refused, "refused", $"no fact with id '{text}' on record"),
            _ => throw new ProblemException(ProblemKind.Refused, "refused", $"'{text}' names several facts ({string.Join(", ", matches.Select(m => m.Key))}); write it as TYPE:ID"),
        };
    }
}
