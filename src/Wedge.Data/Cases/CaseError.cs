namespace Wedge.Data.Cases;

/// <summary>One problem in a case file, with where it is (1-based line and column; 0 when the whole file is at fault).</summary>
public sealed record CaseError(string File, int Line, int Column, string Message)
{
    /// <summary>The message, with an overlong quote from the file shortened (<see cref="Core.Text.MessageText"/>).</summary>
    public string Message { get; init; } = Core.Text.MessageText.Cap(Message);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}

/// <summary>A case file (or a batch made from one) was refused; nothing was written.</summary>
public sealed class CaseRefusedException(IReadOnlyList<CaseError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<CaseError> Errors { get; } = errors;
}
