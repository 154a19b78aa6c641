using Wedge.Data.Yaml;
using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Parameters;

/// <summary>
/// One value a parameter file sets: its full key (nested keys joined with dots), its text when it is a
/// single value (null for a list or mapping), and where to point at it: the key's own place when the
/// key is unknown, the value's place otherwise.
/// </summary>
public sealed record ParameterEntry(string Key, string? Text, int Line, int Column, int KeyLine, int KeyColumn);

/// <summary>Why a parameter file could not be read as one: where, and why.</summary>
public sealed record ParameterFileError(int Line, int Column, string Reason);

/// <summary>
/// The format of parameter files (YAML, or JSON read as YAML so both give lines): a mapping of names to
/// numbers whose keys nest (<c>magnitude: {major: 8}</c>) or are written dotted (<c>magnitude.major: 8</c>).
/// Which names exist and what values they take is the caller's business; this only reads the file.
/// </summary>
public static class ParameterFileFormat
{
    /// <param name="isName">True for a full key that names a parameter: its value is read as is, never descended into.</param>
    /// <returns>The entries in file order, or the reason the text is not a parameter file.</returns>
    public static (IReadOnlyList<ParameterEntry> Entries, ParameterFileError? Error) Read(string text, Func<string, bool> isName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(isName);
        var (root, syntax) = YamlNodes.Load(new StringReader(text));
        if (syntax is not null)
        {
            return ([], new ParameterFileError(syntax.Line, syntax.Column, $"not valid YAML or JSON: {syntax.Reason}"));
        }

        if (root is null || YamlNodes.IsNull(root))
        {
            return ([], null);
        }

        if (root is not YamlMappingNode mapping)
        {
            return ([], new ParameterFileError(root.Line(), root.Column(), "expected a mapping of parameter names to numbers"));
        }

        var entries = new List<ParameterEntry>();
        Flatten(mapping, "", isName, entries);
        return (entries, null);
    }

    private static void Flatten(YamlMappingNode map, string prefix, Func<string, bool> isName, List<ParameterEntry> into)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var key = prefix + ((keyNode as YamlScalarNode)?.Value ?? "");
            if (value is YamlMappingNode inner && !isName(key))
            {
                Flatten(inner, key + ".", isName, into);
                continue;
            }

            var text = value is YamlScalarNode { Value: { } raw } ? raw : null;
            into.Add(new ParameterEntry(key, text, value.Line(), value.Column(), keyNode.Line(), keyNode.Column()));
        }
    }
}
