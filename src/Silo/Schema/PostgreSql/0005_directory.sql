-- The directory (A-11): reference data imported in bulk, one row per organization, read by key.
-- It is kept here rather than in each organization grain's state so that an import writes a
-- thousand rows per transaction instead of activating and storing a grain per organization.
CREATE TABLE qpp_directory
(
    org_type     varchar(20)  NOT NULL,
    org_id       varchar(20)  NOT NULL,
    content_hash char(64)     NOT NULL,
    payload      jsonb        NOT NULL,
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (org_type, org_id)
);

-- A clinician is found by NPI across practices (A-29).
CREATE INDEX ix_qpp_directory_clinicians ON qpp_directory USING gin ((payload -> 'clinicians') jsonb_path_ops)
    WHERE org_type = 'practice';
