using System.Text.Json.Nodes;
using Wedge.Core.Model;

namespace Wedge.Data.Exchange.Stix;

/// <summary>
/// TLP 2.0 markings as STIX 2.1 carries them: the marking-definition objects OASIS publishes for TLP 2.0 (in
/// cti-stix-common-objects, under the TLP 2.0 extension), referenced from <c>object_marking_refs</c>. Their ids and
/// contents are fixed by that publication, so OpenCTI and MISP recognise them as the same markings.
/// </summary>
public static class StixMarkings
{
    public const string Extension = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /// <summary>The published id of each marking's definition.</summary>
    public static string Id(Marking marking) => marking switch
    {
        Marking.Clear => "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        Marking.Green => "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        Marking.Amber => "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        Marking.AmberStrict => "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        _ => "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    };

    /// <summary>
    /// The marking whose published definition has <paramref name="id"/> (TLP 2.0, or the TLP 1.0 definitions STIX 2.1
    /// predefines: WHITE read as CLEAR), or null.
    /// </summary>
    public static Marking? Of(string? id) => id switch
    {
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9" => Marking.Clear,
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da" => Marking.Green,
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82" => Marking.Amber,
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed" => Marking.Red,
        _ => Enum.GetValues<Marking>().Cast<Marking?>().FirstOrDefault(m => Id(m!.Value) == id),
    };

    /// <summary>The published definition object, as OASIS gives it.</summary>
    public static JsonObject Definition(Marking marking) => new()
    {
        ["type"] = "marking-definition",
        ["spec_version"] = "2.1",
        ["id"] = Id(marking),
        ["created"] = "2022-10-01T00:00:00.000Z",
        ["name"] = marking.Label(),
        ["extensions"] = new JsonObject
        {
            [Extension] = new JsonObject
            {
                ["extension_type"] = "property-extension",
                ["tlp_2_0"] = marking.Label()["TLP:".Length..].ToLowerInvariant(),
            },
        },
    };
}
