namespace QppOrleans.WebPortal.Hosting;

/// <summary>Settings of the portal (section <c>Portal</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The API the portal calls. Unset: the host the portal runs in (the embedded default).</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>
    /// Where ASP.NET Data Protection keeps the keys that seal the portal's cookies. Portal
    /// instances behind one address share this directory; unset, ASP.NET Core's default place.
    /// </summary>
    public string? KeysDirectory { get; set; }

    /// <summary>How many entries a page of a list shows (the API allows at most 200).</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>The largest import file an operator may upload (the API streams it on).</summary>
    public long MaxImportBytes { get; set; } = 4L << 30;
}
