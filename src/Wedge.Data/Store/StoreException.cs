using Wedge.Core.Knowledge;

namespace Wedge.Data.Store;

/// <summary>The database cannot be used: not a Wedge database, a newer schema, unreadable.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A batch of changes was refused as a whole; nothing was written.</summary>
public sealed class ChangesRefusedException(IReadOnlyList<ChangeProblem> problems)
    : Exception("The changes were refused; nothing was written:" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<ChangeProblem> Problems { get; } = problems;
}
