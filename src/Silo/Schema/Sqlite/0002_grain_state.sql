-- Grain state for the embedded default (Microsoft.Orleans.Persistence.AdoNet on
-- Microsoft.Data.Sqlite). Same contract and same rules as the PostgreSQL schema: one row per
-- grain identity and state name, and a write with a stale version changes nothing.
CREATE TABLE qpp_grain_state
(
    service_id      TEXT    NOT NULL,
    state_name      TEXT    NOT NULL,
    grain_id_n0     INTEGER NOT NULL,
    grain_id_n1     INTEGER NOT NULL,
    grain_id_string TEXT    NOT NULL,
    payload         BLOB    NULL,
    version         INTEGER NOT NULL,
    modified_at     TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_string)
) WITHOUT ROWID;

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT payload AS PayloadBinary, version AS Version
    FROM qpp_grain_state
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_string = COALESCE(@GrainIdExtensionString, '''');
'),

-- The upsert is one statement; changes() then tells whether it inserted or updated a row.
('WriteToStorageKey', '
    INSERT INTO qpp_grain_state
        (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_string, payload, version, modified_at)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1,
           COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, 1, CURRENT_TIMESTAMP
    WHERE @GrainStateVersion IS NULL
       OR EXISTS (SELECT 1 FROM qpp_grain_state
                  WHERE service_id = @ServiceId AND state_name = @GrainTypeString
                    AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
                    AND grain_id_string = COALESCE(@GrainIdExtensionString, ''''))
    ON CONFLICT (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_string) DO UPDATE
        SET payload = excluded.payload, version = version + 1, modified_at = excluded.modified_at
        WHERE version = @GrainStateVersion;
    SELECT CASE WHEN changes() > 0 THEN COALESCE(@GrainStateVersion, 0) + 1 ELSE @GrainStateVersion END
           AS NewGrainStateVersion;
'),

('ClearStorageKey', '
    UPDATE qpp_grain_state
    SET payload = NULL, version = version + 1, modified_at = CURRENT_TIMESTAMP
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_string = COALESCE(@GrainIdExtensionString, '''')
      AND version = @GrainStateVersion;
    SELECT CASE WHEN changes() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END
           AS NewGrainStateVersion;
'),

('DeleteStorageKey', '
    DELETE FROM qpp_grain_state
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_string = COALESCE(@GrainIdExtensionString, '''')
      AND version = @GrainStateVersion;
    SELECT CASE WHEN changes() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END
           AS NewGrainStateVersion;
');
