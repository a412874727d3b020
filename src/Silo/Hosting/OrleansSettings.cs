namespace QppOrleans.Silo.Hosting;

/// <summary>The <c>Orleans</c> configuration section.</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    /// <summary>Silos and clients with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "qpp";

    /// <summary>Names the service in storage; keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "qpp-access";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at; the host's own address when empty.</summary>
    public string? AdvertisedIP { get; set; }
}
