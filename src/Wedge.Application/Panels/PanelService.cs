using Wedge.Analysis.Panels;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Knowledge;

namespace Wedge.Application.Panels;

/// <summary>`export panel`: where the panel and its codebook were written, and how many rows and pairs.</summary>
public sealed record PanelWritten(string File, string Codebook, int From, int To, int Rows, int Pairs, int JointAttackRows);

/// <summary>The dyad-year panel for R or Stata (<see cref="DyadYearPanel"/>), written with its codebook.</summary>
public sealed class PanelService(IRecordStore store)
{
    public IReadOnlyList<PanelRow> Rows(int from, int to, ReadSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        if (to < from)
        {
            throw Problem.Usage("panel-years", $"--to {to} is before --from {from}").Exception();
        }

        return DyadYearPanel.Build(store.Knowledge(slice.RecordedBy), from, to, slice.KnownAt);
    }

    /// <summary>Writes the panel to <paramref name="path"/> and its codebook beside it (<c>NAME.codebook.md</c>), each whole or not at all.</summary>
    public PanelWritten Export(int from, int to, ReadSlice slice, string path)
    {
        var rows = Rows(from, to, slice);
        var codebook = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", Path.GetFileNameWithoutExtension(path) + ".codebook.md");
        Files.WriteAtomically(path, w => PanelCsv.Write(w, rows));
        Files.WriteAtomically(codebook, w => PanelCsv.WriteCodebook(w, path, from, to, rows.Count, Slices.Describe(slice)));
        return new PanelWritten(path, codebook, from, to, rows.Count, rows.Select(r => (r.A, r.B)).Distinct().Count(), rows.Count(r => r.JointAttacks > 0));
    }
}
