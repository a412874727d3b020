using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using QppOrleans.Api.Hosting;
using QppOrleans.Grains.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Accounts;

/// <summary>How passwords are kept and the cost of checking one for an id without an account .</summary>
public sealed class PasswordsTests
{
    private const string Password = "Correct-Horse-42";

    [Fact]
    public void A5_Passwords_are_kept_as_salted_PBKDF2_HMAC_SHA512_hashes_of_100000_iterations_unless_configured()
    {
        var passwords = new Passwords(Options.Create(new PasswordHashingOptions()));

        var hash = passwords.Hash("ann-lee", Password);
        var bytes = Convert.FromBase64String(hash);

        // Identity v3: format marker, PRF (2 = HMAC-SHA512), iterations, salt length, salt, subkey.
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
        Assert.Equal(100_000u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
        Assert.Equal(16u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)));
        Assert.DoesNotContain(Password, hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, passwords.Hash("ann-lee", Password));
        Assert.Equal(PasswordVerificationResult.Success, passwords.Verify("ann-lee", hash, Password));
        Assert.Equal(PasswordVerificationResult.Failed, passwords.Verify("ann-lee", hash, Password + "!"));
    }

    [Fact]
    public void A4_An_id_without_an_account_is_checked_against_a_hash_of_the_same_cost_and_never_matches()
    {
        var passwords = new Passwords(Options.Create(new PasswordHashingOptions { Iterations = PasswordHashingOptions.Fewest }));

        Assert.Equal(PasswordVerificationResult.Failed, passwords.Verify("nobody", null, Password));
        Assert.Equal(PasswordVerificationResult.Failed, passwords.Verify("nobody", null, ""));
    }

    [Fact]
    public void A5_A_hash_of_fewer_iterations_than_configured_is_replaced_at_the_next_sign_in()
    {
        var cheap = new Passwords(Options.Create(new PasswordHashingOptions { Iterations = PasswordHashingOptions.Fewest }));
        var shipped = new Passwords(Options.Create(new PasswordHashingOptions()));

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, shipped.Verify("ann-lee", cheap.Hash("ann-lee", Password), Password));
    }

    [Fact]
    public async Task A5_A_silo_configured_for_fewer_than_10000_iterations_refuses_to_start()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("qpp-passwords-").FullName;
        try
        {
            await using var app = QppApi.Build(["--contentRoot", Path.GetDirectoryName(Repository.ApiDll)!, "--environment", "Development"], builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Embedded:DataFile"] = Path.Combine(directory, "qpp.db"),
                    ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [CheapPasswords.Key] = "1000",
                }));

            var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Accounts:PasswordHashing:Iterations must be at least 10,000", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
