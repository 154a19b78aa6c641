using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Data.Cases;

namespace Wedge.Fuzz;

/// <summary>
/// The record a harness reads against, held in memory: the built-in case, and for the GTD reader the actors of the
/// GTD fixture too. A write is checked with the journal's rules (<see cref="KnowledgeBase.With"/>) and then dropped, so
/// every input meets the same record; a refused write is a <see cref="Problem"/>, as the SQLite store reports it.
/// </summary>
/// <remarks>An SQLite file per input would make the disk, not the reader, the thing being fuzzed (and slow afl to a crawl).</remarks>
internal sealed class RecordInMemory(KnowledgeBase knowledge) : IRecordStore
{
    public static KnowledgeBase BuiltIn { get; } = Plan(KnowledgeBase.Empty, BuiltInCase.FileName, BuiltInCase.Read());

    /// <summary>The built-in case plus the case file at <paramref name="path"/> (refused: an exception, since the harness is then broken).</summary>
    public static KnowledgeBase With(KnowledgeBase start, string path)
    {
        var (doc, errors) = CaseReader.ReadFile(path);
        return Plan(start, path, doc ?? throw new CaseRefusedException(errors));
    }

    public KnowledgeBase Knowledge(DateTimeOffset? recordedBy = null) => knowledge;

    public IReadOnlyList<JournalEntry> Log(string? fact = null, int? last = null) => [];

    public long Append(IReadOnlyList<JournalChange> changes, string author, string reason, long? expectedVersion = null, KnowledgeBase? basedOn = null)
        => Check(changes);

    public long AppendStream(IEnumerable<JournalChange> changes, string author, string reason, long expectedVersion, KnowledgeBase basedOn,
        CancellationToken cancellationToken = default)
        => Check([.. changes]);

    private long Check(IReadOnlyList<JournalChange> changes)
    {
        var outcome = knowledge.With(changes);
        return outcome.IsSuccess
            ? knowledge.Version + changes.Count
            : throw Problem.Refused("refused", string.Join(Environment.NewLine, outcome.Problems.Take(5))).Exception();
    }

    private static KnowledgeBase Plan(KnowledgeBase start, string file, CaseDocument doc)
    {
        var plan = CaseImport.Plan(file, doc, start);
        var outcome = start.With(plan.Changes);
        return outcome.Result ?? throw new InvalidOperationException($"{file} does not apply: {string.Join("; ", outcome.Problems)}");
    }
}
