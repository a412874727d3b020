namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>
/// An APM model and what a first Security Official of its entities must give:
/// <c>two-tins</c> (two participant TINs, one for a single-TIN entity) or <c>tin-npi</c> (a
/// participant TIN/NPI combination). <see cref="EntityIdName"/> is what the model calls its entity
/// id ("ACO ID", "PCF Practice ID", …, from the seed's table). <see cref="Ssp"/> marks Shared
/// Savings Program ACOs.
/// </summary>
public sealed record ApmModel(string Id, string Name, string EntityIdName, string Validation, bool MultiTin, bool Ssp = false)
{
    public const string TwoTins = "two-tins";
    public const string TinNpi = "tin-npi";
}
