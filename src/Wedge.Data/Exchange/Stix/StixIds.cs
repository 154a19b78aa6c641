using UUIDNext;
using Wedge.Core.Model;

namespace Wedge.Data.Exchange.Stix;

/// <summary>
/// Deterministic STIX identifiers: <c>type--UUIDv5(Wedge namespace, "fact-type:wedge-id")</c>, so exporting the same
/// record twice names every object the same way and a consumer (OpenCTI, MISP) updates instead of duplicating.
/// </summary>
public static class StixIds
{
    /// <summary>Wedge's own UUIDv5 namespace (a fixed random UUID; changing it would rename every exported object).</summary>
    public static Guid Namespace { get; } = new("6a1f3c0e-5b7d-4e8a-9c21-0d4f7b2e9a53");

    public static string For(string stixType, FactKey key) => For(stixType, key.ToString());

    /// <summary>The id of a STIX object of <paramref name="stixType"/> named by <paramref name="name"/> in Wedge's namespace.</summary>
    public static string For(string stixType, string name) => $"{stixType}--{Uuid.NewNameBased(Namespace, name)}";

    /// <summary>The part of a STIX id after its type, e.g. the UUID of <c>report--…</c>.</summary>
    public static string UuidOf(string stixId) => stixId[(stixId.IndexOf("--", StringComparison.Ordinal) + 2)..];

    /// <summary>The type prefix of a STIX id.</summary>
    public static string TypeOf(string stixId) => stixId.IndexOf("--", StringComparison.Ordinal) is var i and > 0 ? stixId[..i] : "";
}
