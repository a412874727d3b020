using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Tests.Directory;

/// <summary>A-12: the identifier formats, with a reason for each refusal.</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("000765630", true)]
    [InlineData("00076563", false)]
    [InlineData("00-0765630", false)]
    [InlineData("0007656301", false)]
    [InlineData("00076563a", false)]
    [InlineData(null, false)]
    public void A12_A_TIN_is_nine_digits_without_dashes(string? text, bool valid)
    {
        Assert.Equal(valid, Tin.TryParse(text, out var tin, out var error));
        Assert.Equal(valid, error.Length == 0);
        if (valid)
        {
            Assert.Equal("00-0765630", tin.Display);
        }
    }

    [Theory]
    [InlineData("1234567893", true)]
    [InlineData("1234567890", false)]
    [InlineData("1245319599", true)]
    [InlineData("123456789", false)]
    [InlineData("12345678931", false)]
    [InlineData("12345678x3", false)]
    public void A12_An_NPI_is_ten_digits_with_a_Luhn_check_digit_over_80840(string text, bool valid) =>
        Assert.Equal(valid, Npi.TryParse(text, out _, out _));

    [Fact]
    public void A12_A_wrong_NPI_check_digit_is_named_as_such()
    {
        Assert.False(Npi.TryParse("1234567890", out _, out var error));
        Assert.Contains("check digit", error, StringComparison.Ordinal);
        Assert.Equal(3, Npi.CheckDigit("123456789"));
    }

    [Theory]
    [InlineData("AB1234", true)]
    [InlineData("ab12345678", true)]
    [InlineData("AB123", false)]
    [InlineData("AB123456789", false)]
    [InlineData("AB-1234", false)]
    public void A12_A_PTAN_is_six_to_ten_letters_and_digits(string text, bool valid)
    {
        Assert.Equal(valid, Ptan.TryParse(text, out var ptan, out _));
        if (valid)
        {
            Assert.Equal(text.ToUpperInvariant(), ptan.Value);
        }
    }

    [Theory]
    [InlineData("PCF0001", true)]
    [InlineData("45-2343", true)]
    [InlineData("VG-000123", true)]
    [InlineData("", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", false)]
    [InlineData("VG 000123", false)]
    [InlineData("VG_000123", false)]
    public void A12_Program_ids_are_one_to_twenty_letters_digits_and_dashes(string text, bool valid)
    {
        Assert.Equal(valid, ApmEntityId.TryParse(text, out _, out _));
        Assert.Equal(valid, VendorId.TryParse(text, out _, out _));
        Assert.Equal(valid, VirtualGroupId.TryParse(text, out var id, out _));
        if (valid)
        {
            Assert.Equal(text.ToUpperInvariant(), id.Value);
        }
    }
}
