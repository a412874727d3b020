-- The Orleans ADO.NET providers read the SQL they run from this table at start-up
-- ("SELECT QueryKey, QueryText FROM OrleansQuery"): its name and columns are fixed by them.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
