-- Grain state (Microsoft.Orleans.Persistence.AdoNet). One row per grain identity and state
-- name, enforced by the primary key, so two activations can never create two rows.
-- Orleans passes the state name as "GrainTypeString" and a string key (or a key extension) as
-- "GrainIdExtensionString"; integer and GUID keys arrive as GrainIdN0/GrainIdN1.
-- The version is the ETag: a write names the version it read, and a write with a stale
-- version changes nothing and answers with that stale version, which the provider turns into
-- an InconsistentStateException (no lost update).
CREATE TABLE qpp_grain_state
(
    service_id      varchar(150) NOT NULL,
    state_name      varchar(512) NOT NULL,
    grain_id_n0     bigint       NOT NULL,
    grain_id_n1     bigint       NOT NULL,
    grain_id_string varchar(512) NOT NULL,
    payload         bytea        NULL,
    version         integer      NOT NULL,
    modified_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_qpp_grain_state PRIMARY KEY (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_string)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
    SELECT payload AS "PayloadBinary", version AS "Version"
    FROM qpp_grain_state
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_string = COALESCE(@GrainIdExtensionString, '');
$q$),

-- A first write (no version) inserts; a later write updates only the version it read.
-- A write naming a version for a row that is gone inserts nothing either.
('WriteToStorageKey', $q$
    WITH written AS (
        INSERT INTO qpp_grain_state AS s
            (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_string, payload, version, modified_at)
        SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
               COALESCE(@GrainIdExtensionString, ''), @PayloadBinary, 1, now()
        WHERE @GrainStateVersion IS NULL
           OR EXISTS (SELECT 1 FROM qpp_grain_state e
                      WHERE e.service_id = @ServiceId AND e.state_name = @GrainTypeString
                        AND e.grain_id_n0 = @GrainIdN0 AND e.grain_id_n1 = @GrainIdN1
                        AND e.grain_id_string = COALESCE(@GrainIdExtensionString, ''))
        ON CONFLICT ON CONSTRAINT pk_qpp_grain_state DO UPDATE
            SET payload = EXCLUDED.payload, version = s.version + 1, modified_at = now()
            WHERE s.version = @GrainStateVersion
        RETURNING s.version)
    SELECT COALESCE((SELECT version FROM written), @GrainStateVersion) AS "NewGrainStateVersion";
$q$),

('ClearStorageKey', $q$
    WITH cleared AS (
        UPDATE qpp_grain_state
        SET payload = NULL, version = version + 1, modified_at = now()
        WHERE service_id = @ServiceId AND state_name = @GrainTypeString
          AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
          AND grain_id_string = COALESCE(@GrainIdExtensionString, '')
          AND version = @GrainStateVersion
        RETURNING version)
    SELECT COALESCE((SELECT version FROM cleared), @GrainStateVersion) AS "NewGrainStateVersion";
$q$),

('DeleteStorageKey', $q$
    WITH deleted AS (
        DELETE FROM qpp_grain_state
        WHERE service_id = @ServiceId AND state_name = @GrainTypeString
          AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
          AND grain_id_string = COALESCE(@GrainIdExtensionString, '')
          AND version = @GrainStateVersion
        RETURNING version + 1 AS next_version)
    SELECT COALESCE((SELECT next_version FROM deleted), @GrainStateVersion) AS "NewGrainStateVersion";
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
