namespace QppOrleans.Grains.Notifications.Email;

/// <summary>Where email goes.</summary>
public enum EmailDelivery
{
    /// <summary>An SMTP server (<c>Email:Smtp</c>).</summary>
    Smtp,

    /// <summary>Development: kept in the service and shown at <c>GET /api/dev/messages</c>.</summary>
    DevelopmentSink,
}
