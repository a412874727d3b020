namespace QppOrleans.Grains.Abstractions;

/// <summary>
/// Builds grain keys. Every string key starts with a non-hex word so that the ADO.NET storage
/// never reads it as an integer (dotnet/orleans#9706: "020235" and "20235" would share a row).
/// </summary>
public static class GrainKeys
{
    public const string ServiceCenter = "service-center";

    /// <summary>The Service Center requests resolved in one month, e.g. <c>service-center-archive/2026-12</c>.</summary>
    public static string ServiceCenterArchive(string month) => $"service-center-archive/{month}";

    public static string Probe(string name) => $"probe/{name}";

    /// <summary>A person's account; <paramref name="userId"/> is already normalized.</summary>
    public static string User(string userId) => $"user:{userId}";

    /// <summary>An organization: <c>practice/000765630</c>, <c>apm-entity/PCF0001</c>, … (ids already normalized).</summary>
    public static string Organization(string orgType, string orgId) => $"{orgType}/{orgId}";

    /// <summary>A shard of the name index of <paramref name="scope"/> (<c>practice</c>, <c>registry</c>, <c>apm-entity/pcf</c>).</summary>
    public static string NameIndex(string scope, string prefix) => $"name-index/{scope}/{prefix}";

    /// <summary>The registries known under one TIN (A-13: a registry is found by its complete TIN).</summary>
    public static string RegistriesOfTin(string tin) => $"registry-tin/{tin}";

    /// <summary>One idempotency key of one user (the key is hashed so any text fits).</summary>
    public static string Idempotency(string userId, string keyHash) => $"idempotency/{userId}/{keyHash}";

    /// <summary>One organization's registration for one performance year: <c>reg/2021/practice/000765630</c>.</summary>
    public static string Registration(int performanceYear, string orgType, string orgId) => $"{RegistrationPrefix}{performanceYear}/{orgType}/{orgId}";

    private const string RegistrationPrefix = "reg/";

    /// <summary>The organization (<c>practice/000765630</c>) that an organization's or a registration's key names.</summary>
    public static ReadOnlySpan<char> OrganizationOf(ReadOnlySpan<char> grainKey)
    {
        if (!grainKey.StartsWith(RegistrationPrefix, StringComparison.Ordinal))
        {
            return grainKey;
        }

        var yearAndOrganization = grainKey[RegistrationPrefix.Length..];
        return yearAndOrganization[(yearAndOrganization.IndexOf('/') + 1)..];
    }

    /// <summary>The cluster-wide allocator of registration ids .</summary>
    public const string RegistrationIds = "registration-ids";

    /// <summary>A person's on-screen notifications; <paramref name="userId"/> is already normalized.</summary>
    public static string Inbox(string userId) => $"inbox/{userId}";

    /// <summary>The development sink's mailbox for one address (compared case-insensitively).</summary>
    public static string Mailbox(string address) => $"mailbox/{address.Trim().ToLowerInvariant()}";
}
