namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>A contact's ten-digit phone as the guide shows it: 111-222-3344.</summary>
public static class Phone
{
    public static string Show(string phone) => phone.Length == 10 ? $"{phone[..3]}-{phone[3..6]}-{phone[6..]}" : phone;
}
