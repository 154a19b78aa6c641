using Wedge.Core.Journal;
using Wedge.Core.Model;

namespace Wedge.Data.Store;

/// <summary>
/// The names the journal's <c>action</c> and <c>fact_type</c> columns hold, fixed here rather than taken from the C#
/// member names, so renaming a member cannot change (or stop reading) what is stored. Every member must have a name:
/// a test checks it.
/// </summary>
public static class JournalNames
{
    private static readonly Dictionary<JournalAction, string> ActionNames = new()
    {
        [JournalAction.Add] = "add",
        [JournalAction.Correct] = "correct",
        [JournalAction.Retract] = "retract",
    };

    private static readonly Dictionary<FactType, string> TypeNames = new()
    {
        [FactType.Source] = "source",
        [FactType.Claim] = "claim",
        [FactType.Actor] = "actor",
        [FactType.Role] = "role",
        [FactType.Tie] = "tie",
        [FactType.Ledger] = "ledger",
        [FactType.Event] = "event",
        [FactType.Attribute] = "attribute",
    };

    private static readonly Dictionary<string, JournalAction> ActionsByName = ActionNames.ToDictionary(p => p.Value, p => p.Key);
    private static readonly Dictionary<string, FactType> TypesByName = TypeNames.ToDictionary(p => p.Value, p => p.Key);

    public static string Of(JournalAction action) => ActionNames[action];

    public static string Of(FactType type) => TypeNames[type];

    public static JournalAction Action(string name)
        => ActionsByName.TryGetValue(name, out var a) ? a : throw new StoreException($"the journal holds an unknown action '{name}'");

    public static FactType Type(string name)
        => TypesByName.TryGetValue(name, out var t) ? t : throw new StoreException($"the journal holds an unknown fact type '{name}'");

    /// <summary>Parses a fact type as a user writes it (any case); null when there is none by that name.</summary>
    public static FactType? TryType(string name) => TypesByName.TryGetValue(name.ToLowerInvariant(), out var t) ? t : null;
}
