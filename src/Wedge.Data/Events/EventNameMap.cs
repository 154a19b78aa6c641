using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Text;
using Wedge.Data.Mmp;
using Wedge.Data.Yaml;
using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Events;

/// <summary>
/// A --map file for an event dataset: the dataset's name for a group → the actor on record it means, for names the
/// matcher cannot match (or matches to more than one actor). Two layouts: a CSV with the header <c>name,actor_id</c>,
/// or (<c>.yaml</c>/<c>.yml</c>) a YAML mapping <c>"Dataset name": actor-id</c>. Names are compared by their
/// <see cref="NameKey"/>, as the matcher compares them.
/// </summary>
public static class EventNameMap
{
    /// <summary>Reads the map; rows naming an actor not on record, or a name mapped twice to different actors, are refused.</summary>
    /// <exception cref="MmpFileException">The file cannot be read at all.</exception>
    public static (Dictionary<string, ActorId> Map, List<MmpProblem> Problems) Read(string path, KnowledgeBase current, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var name = displayName ?? path;
        var map = new Dictionary<string, ActorId>(StringComparer.Ordinal);
        var problems = new List<MmpProblem>();
        void Add(int line, string dataset, string actor)
        {
            var key = NameKey.Of(dataset);
            if (key.Length == 0 || actor.Length == 0)
            {
                problems.Add(new(name, line, "both a dataset name and an actor id are needed"));
            }
            else if (actor.Any(char.IsControl) || current.FindActor(new ActorId(actor)) is null)
            {
                problems.Add(new(name, line, $"actor '{actor}' is not on record"));
            }
            else if (!map.TryAdd(key, new ActorId(actor)) && map[key].Value != actor)
            {
                problems.Add(new(name, line, $"'{dataset}' is already mapped to '{map[key]}'"));
            }
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".yaml" or ".yml")
        {
            foreach (var (line, dataset, actor) in ReadYaml(path, name, problems))
            {
                Add(line, dataset, actor);
            }

            return (map, problems);
        }

        using var csv = MmpCsv.Open(path, name, ["name", "actor_id"]);
        var (nc, ac) = (csv.Columns["name"], csv.Columns["actor_id"]);
        foreach (var row in csv.Rows())
        {
            if (row.Fields is not { } f)
            {
                problems.Add(new(name, row.Line, row.Error!));
                continue;
            }

            Add(row.Line, f[nc].Trim(), f[ac].Trim());
        }

        return (map, problems);
    }

    private static IEnumerable<(int Line, string Dataset, string Actor)> ReadYaml(string path, string name, List<MmpProblem> problems)
    {
        if (!File.Exists(path))
        {
            throw new MmpFileException(new(name, 0, "no such file"));
        }

        using var text = File.OpenText(path);
        var (root, error) = YamlNodes.Load(text);
        if (error is not null)
        {
            throw new MmpFileException(new(name, error.Line, $"not YAML: {error.Reason}"));
        }

        if (root is null)
        {
            yield break;
        }

        if (root is not YamlMappingNode mapping)
        {
            throw new MmpFileException(new(name, root.Line(), "expected a mapping of dataset names to actor ids (\"Dataset name\": actor-id)"));
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } dataset } || value is not YamlScalarNode { Value: { } actor })
            {
                problems.Add(new(name, key.Line(), $"'{YamlNodes.Describe(key)}': expected a name and an actor id, both plain text"));
                continue;
            }

            yield return (key.Line(), dataset.Trim(), actor.Trim());
        }
    }
}
