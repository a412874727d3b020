using Orleans.Configuration;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// How fast the cluster notices a silo that died and answers the calls that were waiting on it
/// (RELIABILITY.md). Orleans' defaults take up to 30 s: a call in flight to a dead silo waits for
/// the response timeout. These are the service's defaults; <c>Orleans:MembershipOptions:*</c> and
/// <c>Orleans:MessagingOptions:ResponseTimeout</c> override them.
/// </summary>
public static class Failover
{
    /// <summary>
    /// A silo probes the others every <see cref="ClusterMembershipOptions.ProbeTimeout"/> and
    /// suspects one after <see cref="ClusterMembershipOptions.NumMissedProbesLimit"/> missed probes:
    /// 3 × 2 s, so a dead silo is declared dead about 6 s after it died, and the calls the
    /// survivors had sent to it fail then (SiloUnavailableException, a 503 at the API). Two seconds
    /// leave room for a silo on a busy machine to answer (Orleans also lengthens the timeout while
    /// the prober itself is degraded); one second declared busy silos dead on this 2-core machine.
    /// </summary>
    public static void Membership(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;
    }

    /// <summary>
    /// The longest a grain call waits for its answer, on silos and on the API's client. A client
    /// is never told that the gateway it sent a call through died: the call fails only when this
    /// runs out. Every call a person makes answers in milliseconds; those that may take longer
    /// (directory imports) say so with <c>[ResponseTimeout]</c>.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(8);

    public static void Messaging(MessagingOptions options) => options.ResponseTimeout = ResponseTimeout;
}
