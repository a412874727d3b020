-- The Orleans ADO.NET providers read the SQL they run from this table at start-up
-- ("SELECT QueryKey, QueryText FROM OrleansQuery"): its name and columns are fixed by them.
-- Every other table is ours. Query texts are upserted so a later migration can replace one.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
