using System.Text.Json;
using QppOrleans.Api.Imports;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Api.Directory;

/// <summary>
/// Reads one NDJSON line of a directory import (API.md "Import record formats") into a directory
/// entry, or says what is wrong with it.
/// </summary>
public static class DirectoryRecord
{
    public const int MaxNameLength = 200;
    public const int MaxListLength = 10_000;

    public static bool TryRead(string line, out DirectoryEntry entry, out string reason)
    {
        entry = null!;
        try
        {
            using var document = JsonDocument.Parse(line, NdjsonLines.Json);
            var record = document.RootElement;
            if (record.ValueKind != JsonValueKind.Object)
            {
                reason = "A record is a JSON object.";
                return false;
            }

            entry = Text(record, "kind") switch
            {
                "practice" => Practice(record),
                "apm-entity" => ApmEntity(record),
                "registry" => Registry(record),
                "virtual-group" => VirtualGroup(record),
                var kind => throw new RecordException($"Unknown kind '{kind}': one of practice, apm-entity, registry, virtual-group."),
            };
            reason = "";
            return true;
        }
        catch (JsonException exception)
        {
            reason = $"Not valid JSON: {exception.Message.Split(" Path:", 2)[0]}";
            return false;
        }
        catch (RecordException exception)
        {
            reason = exception.Message;
            return false;
        }
        catch (InvalidOperationException exception)
        {
            // The parser takes an escaped lone surrogate ("\ud800"); only reading the string refuses it.
            reason = $"A value could not be read: {exception.Message}";
            return false;
        }
    }

    private static DirectoryEntry Practice(JsonElement record)
    {
        var tin = Parse<Tin>(record, "tin", Tin.TryParse);
        return Located(record, OrgTypes.Practice, tin.Value) with
        {
            Clinicians = [.. List(record, "clinicians", required: false).Select((c, i) => new Clinician(
                Parse<Npi>(c, "npi", Npi.TryParse, $"clinicians[{i}].").Value,
                Parse<Ptan>(c, "ptan", Ptan.TryParse, $"clinicians[{i}].").Value,
                Name(c, "firstName", $"clinicians[{i}]."),
                Name(c, "lastName", $"clinicians[{i}].")))],
        };
    }

    private static DirectoryEntry ApmEntity(JsonElement record)
    {
        var model = Text(record, "apmModel");
        if (ApmModels.Find(model) is null)
        {
            throw new RecordException($"apmModel: unknown APM model '{model}'.");
        }

        var entityId = Parse<ApmEntityId>(record, "entityId", ApmEntityId.TryParse);
        return Located(record, OrgTypes.ApmEntity, entityId.Value) with
        {
            ApmModel = model,
            Participants = [.. List(record, "participants", required: true).Select((p, i) => new Participant(
                Parse<Tin>(p, "tin", Tin.TryParse, $"participants[{i}].").Value,
                p.TryGetProperty("npi", out var npi) && npi.ValueKind != JsonValueKind.Null
                    ? Parse<Npi>(p, "npi", Npi.TryParse, $"participants[{i}].").Value
                    : null))],
        };
    }

    private static DirectoryEntry Registry(JsonElement record)
    {
        var vendorId = Parse<VendorId>(record, "vendorId", VendorId.TryParse);
        return Located(record, OrgTypes.Registry, vendorId.Value) with { Tins = [Parse<Tin>(record, "tin", Tin.TryParse).Value] };
    }

    private static DirectoryEntry VirtualGroup(JsonElement record)
    {
        var vgId = Parse<VirtualGroupId>(record, "vgId", VirtualGroupId.TryParse);
        var tins = List(record, "tins", required: true).Select((t, i) =>
        {
            if (t.ValueKind != JsonValueKind.String)
            {
                throw new RecordException($"tins[{i}] must be a string.");
            }

            return Tin.TryParse(t.GetString(), out var tin, out var error) ? tin.Value : throw new RecordException($"tins[{i}]: {error}");
        }).ToArray();
        if (tins.Distinct().Count() < 2)
        {
            throw new RecordException("tins: a virtual group has two or more different member TINs (A-10).");
        }

        return Located(record, OrgTypes.VirtualGroup, vgId.Value) with { Tins = tins };
    }

    private static DirectoryEntry Located(JsonElement record, string orgType, string orgId)
    {
        var state = Optional(record, "state");
        if (state is not null && (state.Length != 2 || !state.All(char.IsAsciiLetterUpper)))
        {
            throw new RecordException("state: a state is two capital letters, e.g. MD.");
        }

        var zip = Optional(record, "zip");
        if (zip is not null && !(zip.Length == 5 && zip.All(char.IsAsciiDigit)) && !(zip.Length == 10 && zip[5] == '-' && zip.Remove(5, 1).All(char.IsAsciiDigit)))
        {
            throw new RecordException("zip: a ZIP code is 5 digits or ZIP+4 (12345-6789).");
        }

        return new DirectoryEntry
        {
            OrgType = orgType,
            OrgId = orgId,
            Name = Name(record, "name"),
            Address1 = Optional(record, "address1"),
            Address2 = Optional(record, "address2"),
            City = Optional(record, "city"),
            State = state,
            Zip = zip,
        };
    }

    private delegate bool Parser<T>(string? text, out T value, out string error);

    private static T Parse<T>(JsonElement record, string property, Parser<T> parser, string path = "") =>
        parser(Text(record, property, path), out var value, out var error) ? value : throw new RecordException($"{path}{property}: {error}");

    private static string Name(JsonElement record, string property, string path = "")
    {
        var name = Text(record, property, path).Trim();
        return name.Length is > 0 and <= MaxNameLength && !name.Any(char.IsControl)
            ? name
            : throw new RecordException($"{path}{property}: 1 to {MaxNameLength} characters, no control characters.");
    }

    private static string Text(JsonElement record, string property, string path = "") =>
        Optional(record, property, path) ?? throw new RecordException($"{path}{property} is required.");

    private static string? Optional(JsonElement record, string property, string path = "")
    {
        if (!record.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new RecordException($"{path}{property} must be a string.");
        }

        // Control characters are looked for before trimming, which would take a U+0085 at either end away unseen.
        var raw = value.GetString()!;
        var text = raw.Trim();
        return text.Length > MaxNameLength || raw.Any(char.IsControl)
            ? throw new RecordException($"{path}{property}: at most {MaxNameLength} characters, no control characters.")
            : text.Length == 0 ? null : text;
    }

    private static JsonElement[] List(JsonElement record, string property, bool required)
    {
        if (!record.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new RecordException($"{property} is required.") : [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxListLength)
        {
            throw new RecordException($"{property} must be a list of at most {MaxListLength} items.");
        }

        var items = value.EnumerateArray().ToArray();
        return required && items.Length == 0 ? throw new RecordException($"{property} must not be empty.") : items;
    }

    private sealed class RecordException(string message) : Exception(message);
}
