-- Cluster membership (Microsoft.Orleans.Clustering.AdoNet). One version row per cluster
-- (deployment) is the optimistic-concurrency token of the whole membership table: every
-- change to a member row bumps it in the same statement, or nothing changes.
CREATE TABLE qpp_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE qpp_membership
(
    deployment_id   varchar(150) NOT NULL REFERENCES qpp_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NOT NULL DEFAULT 0,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
    WITH inserted AS (
        INSERT INTO qpp_membership_version (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT (deployment_id) DO NOTHING
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM inserted);
$q$),

-- The version row is locked first; when another writer changed it meanwhile, the re-checked
-- row no longer matches and nothing is written (the provider then re-reads and retries).
('InsertMembershipKey', $q$
    WITH expected AS (
        SELECT deployment_id FROM qpp_membership_version
        WHERE deployment_id = @DeploymentId AND version = @Version
        FOR UPDATE),
    inserted AS (
        INSERT INTO qpp_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
        SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
               @Status, @ProxyPort, @StartTime, @IAmAliveTime
        FROM expected
        ON CONFLICT DO NOTHING
        RETURNING deployment_id),
    bumped AS (
        UPDATE qpp_membership_version SET version = version + 1, changed_at = now()
        WHERE deployment_id IN (SELECT deployment_id FROM inserted)
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM bumped);
$q$),

('UpdateMembershipKey', $q$
    WITH expected AS (
        SELECT deployment_id FROM qpp_membership_version
        WHERE deployment_id = @DeploymentId AND version = @Version
        FOR UPDATE),
    updated AS (
        UPDATE qpp_membership m
        SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
        FROM expected e
        WHERE m.deployment_id = e.deployment_id
          AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
        RETURNING m.deployment_id),
    bumped AS (
        UPDATE qpp_membership_version SET version = version + 1, changed_at = now()
        WHERE deployment_id IN (SELECT deployment_id FROM updated)
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM bumped);
$q$),

('UpdateIAmAlivetimeKey', $q$
    UPDATE qpp_membership SET i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId
      AND address = @Address AND port = @Port AND generation = @Generation;
$q$),

-- Both reads start from the version row so that an empty cluster still returns its version.
('MembershipReadRowKey', $q$
    SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
           m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
           m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime", v.version AS "Version"
    FROM qpp_membership_version v
    LEFT JOIN qpp_membership m
           ON m.deployment_id = v.deployment_id
          AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.deployment_id = @DeploymentId;
$q$),

('MembershipReadAllKey', $q$
    SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port",
           m.generation AS "Generation", m.silo_name AS "SiloName", m.host_name AS "HostName",
           m.status AS "Status", m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime", v.version AS "Version"
    FROM qpp_membership_version v
    LEFT JOIN qpp_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId;
$q$),

('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM qpp_membership WHERE deployment_id = @DeploymentId;
    DELETE FROM qpp_membership_version WHERE deployment_id = @DeploymentId;
$q$),

-- Status 3 is SiloStatus.Active: clients connect only to active silos that run a gateway.
('GatewaysQueryKey', $q$
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
    FROM qpp_membership
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$),

-- Rows of silos that are no longer active and have not said they are alive since the cutoff.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM qpp_membership
    WHERE deployment_id = @DeploymentId
      AND i_am_alive_time < @IAmAliveTime
      AND status <> 3;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
