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

-- A clinician is found by NPI across practices (A-29); kept with each practice's row.
CREATE TABLE qpp_directory_clinician
(
    npi        TEXT NOT NULL,
    tin        TEXT NOT NULL,
    ptan       TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL,
    PRIMARY KEY (npi, tin, ptan)
) WITHOUT ROWID;

CREATE INDEX ix_qpp_directory_clinician_tin ON qpp_directory_clinician (tin);
