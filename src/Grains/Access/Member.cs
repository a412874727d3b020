namespace QppOrleans.Grains.Access;

/// <summary>A person holding a role at the organization.</summary>
[GenerateSerializer, Alias("qpp.access.Member")]
public sealed class Member
{
    [Id(0)] public string UserId { get; set; } = "";

    [Id(1)] public string Name { get; set; } = "";

    [Id(2)] public string Email { get; set; } = "";

    [Id(3)] public string Role { get; set; } = "";

    [Id(4)] public DateTimeOffset Since { get; set; }
}
