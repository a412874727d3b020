namespace QppOrleans.WebPortal.Pages.Shared;

/// <summary>One labelled text field of a USWDS form, with its hint and the API's message for it.</summary>
public sealed record FieldModel(
    string Name, string Label, string? Value, string Type = "text", string? Hint = null, string? Autocomplete = null,
    bool Required = true, string? InputMode = null, int? MaxLength = null, string? Width = null);
