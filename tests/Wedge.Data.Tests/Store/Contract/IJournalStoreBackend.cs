using Wedge.Core.Journal;

namespace Wedge.Data.Tests.Store.Contract;

/// <summary>
/// What the store contract needs from a backend besides the port: a fresh store, a way to reopen it, and the two things
/// the port deliberately cannot do (edit history, mark the schema as newer), done behind its back.
/// </summary>
public interface IJournalStoreBackend : IDisposable
{
    /// <summary>Opens the backend's store (created empty on first use) with <paramref name="clock"/> as its recording clock.</summary>
    IJournalStore Open(TimeProvider clock);

    /// <summary>Tries to change or delete a recorded entry directly in the storage; must throw, leaving it unchanged.</summary>
    void RewriteHistory();

    /// <summary>Runs <paramref name="sql"/> (an UPDATE or DELETE of journal rows) with the append-only triggers lifted, as an intruder with the owner's rights would.</summary>
    void TamperBehindTheTriggers(string sql);

    /// <summary>Marks the stored schema as one from a newer Wedge than this build.</summary>
    void MarkSchemaNewer();

    /// <summary>A fingerprint of everything stored (to show a refused open changed nothing).</summary>
    string Fingerprint();
}
