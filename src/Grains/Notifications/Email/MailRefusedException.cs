namespace QppOrleans.Grains.Notifications.Email;

/// <summary>The mail server refused a message for good (a permanent 5xx reply for it).</summary>
public sealed class MailRefusedException(string message, Exception? inner = null) : Exception(message, inner);
