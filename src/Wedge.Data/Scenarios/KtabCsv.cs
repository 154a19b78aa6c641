using System.Globalization;
using nietras.SeparatedValues;
using Wedge.Core.Negotiation;

namespace Wedge.Data.Scenarios;

/// <summary>
/// Reads the CSV scenario format of the open-source bargaining model KTAB: row 1 "name, description, N, D";
/// row 2 labels (the first of each position/salience pair names a dimension); then N rows
/// "name, description, capability, position₁, salience₁, …". Cells are trimmed; trailing empty cells are ignored.
/// </summary>
public static class KtabCsv
{
    /// <summary>Reads a file; throws <see cref="ScenarioFormatException"/> naming the file and line at fault.</summary>
    public static Scenario ReadFile(string path)
    {
        return Read(ScenarioFormatException.ReadText(path), path);
    }

    /// <param name="fileName">Shown in error messages.</param>
    public static Scenario Read(string text, string fileName)
    {
        var rows = new List<(int Line, string[] Cells)>();
        using (var reader = Sep.Reader(o => o with
        {
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = true,
            Trim = SepTrim.All,
            Sep = new Sep(','),
        }).FromText(text))
        {
            foreach (var row in reader)
            {
                var cells = new string[row.ColCount];
                for (var c = 0; c < row.ColCount; c++)
                {
                    cells[c] = row[c].ToString();
                }

                var count = cells.Length;
                while (count > 0 && cells[count - 1].Length == 0)
                {
                    count--;
                }

                if (count == 0)
                {
                    continue;
                }

                // Sep reports the first row as starting on line 2 when there is no header; it starts on line 1.
                rows.Add((row.RowIndex == 0 ? 1 : row.LineNumberFrom, cells[..count]));
            }
        }

        if (rows.Count == 0)
        {
            throw new ScenarioFormatException(fileName, 1, null, "the file is empty; expected a first row 'name, description, number of actors, number of dimensions'");
        }

        var (headLine, head) = rows[0];
        if (head.Length < 4)
        {
            throw new ScenarioFormatException(fileName, headLine, null, $"the first row needs 4 cells (name, description, number of actors, number of dimensions), found {head.Length}");
        }

        var actorCount = Int(head[2], headLine, 3, "number of actors");
        var dimCount = Int(head[3], headLine, 4, "number of dimensions");
        if (actorCount < 2)
        {
            throw new ScenarioFormatException(fileName, headLine, 3, $"the number of actors must be at least 2, found {actorCount}");
        }

        if (dimCount < 1)
        {
            throw new ScenarioFormatException(fileName, headLine, 4, $"the number of dimensions must be at least 1, found {dimCount}");
        }

        if (rows.Count < 2)
        {
            throw new ScenarioFormatException(fileName, headLine + 1, null, "missing the row of labels");
        }

        var (labelLine, labels) = rows[1];
        var width = 3 + (2 * dimCount);
        if (labels.Length < width)
        {
            throw new ScenarioFormatException(fileName, labelLine, null, $"the label row needs {width} cells for {dimCount} dimensions, found {labels.Length}");
        }

        var dimensions = new Dimension[dimCount];
        var dimensionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < dimCount; d++)
        {
            var name = labels[3 + (2 * d)];
            dimensions[d] = new Dimension(name.Length == 0 ? $"dim{d + 1}" : name, name.Length == 0 ? $"Dimension {d + 1}" : name);
            // Found by fuzzing (fuzz/, ktab-csv): a repeated label was read as two dimensions of one id, and writing
            // the scenario's YAML then failed on the repeated key.
            if (!dimensionIds.Add(dimensions[d].Id))
            {
                throw new ScenarioFormatException(fileName, labelLine, 4 + (2 * d), $"dimension '{dimensions[d].Id}' is named twice in the label row");
            }
        }

        var actorRows = rows.Skip(2).ToList();
        if (actorRows.Count != actorCount)
        {
            var line = actorRows.Count > actorCount ? actorRows[actorCount].Line : headLine;
            throw new ScenarioFormatException(fileName, line, actorRows.Count > actorCount ? null : 3,
                $"the first row declares {actorCount} actors but the file has {actorRows.Count} actor rows");
        }

        var actors = new List<NegotiationActor>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, cells) in actorRows)
        {
            if (cells.Length < width)
            {
                throw new ScenarioFormatException(fileName, line, null, $"an actor row needs {width} cells (name, description, capability, then position and salience for each of {dimCount} dimensions), found {cells.Length}");
            }

            var name = cells[0];
            if (name.Length == 0)
            {
                throw new ScenarioFormatException(fileName, line, 1, "the actor has no name");
            }

            if (!ids.Add(name))
            {
                throw new ScenarioFormatException(fileName, line, 1, $"actor name '{name}' is used twice");
            }

            var capability = Number(cells[2], line, 3, "capability");
            if (capability <= 0)
            {
                throw new ScenarioFormatException(fileName, line, 3, $"capability must be above 0, found {cells[2]}");
            }

            var positions = new Estimate[dimCount];
            var saliences = new Estimate[dimCount];
            var salienceSum = 0.0;
            for (var d = 0; d < dimCount; d++)
            {
                var pc = 3 + (2 * d);
                var position = Number(cells[pc], line, pc + 1, $"position on {dimensions[d].Name}");
                var salience = Number(cells[pc + 1], line, pc + 2, $"salience on {dimensions[d].Name}");
                if (position is < 0 or > 100)
                {
                    throw new ScenarioFormatException(fileName, line, pc + 1, $"position on {dimensions[d].Name} must lie in 0–100, found {cells[pc]}");
                }

                if (salience is < 0 or > 100)
                {
                    throw new ScenarioFormatException(fileName, line, pc + 2, $"salience on {dimensions[d].Name} must lie in 0–100, found {cells[pc + 1]}");
                }

                positions[d] = position;
                saliences[d] = salience;
                salienceSum += salience;
            }

            if (salienceSum > 100 + 1e-9)
            {
                throw new ScenarioFormatException(fileName, line, null, $"saliences of '{name}' sum to {salienceSum.ToString(CultureInfo.InvariantCulture)}, over 100");
            }

            actors.Add(new NegotiationActor
            {
                Id = name,
                Name = name,
                Description = cells[1].Length == 0 ? null : cells[1],
                Capability = capability,
                Positions = positions,
                Saliences = saliences,
            });
        }

        return new Scenario(head[0], head[1].Length == 0 ? null : head[1], dimensions, actors);

        int Int(string cell, int line, int column, string what)
            => int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
                : throw new ScenarioFormatException(fileName, line, column, $"{what} must be a whole number, found '{cell}'");

        double Number(string cell, int line, int column, string what)
            => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
                : throw new ScenarioFormatException(fileName, line, column, $"{what} must be a number, found '{cell}'");
    }
}
