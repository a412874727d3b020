-- The directory (A-11): reference data imported in bulk, one row per organization, read by key.
CREATE TABLE qpp_directory
(
    org_type     TEXT NOT NULL,
    org_id       TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    payload      TEXT NOT NULL,
    updated_at   TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (org_type, org_id)
) WITHOUT ROWID;
