-- Orleans on PostgreSQL: the tables and query texts that Microsoft Orleans' ADO.NET
-- clustering, reminder and grain-storage providers (10.4.x, invariant "Npgsql") run.
--
-- The providers ship no SQL. At start-up each one reads every (QueryKey, QueryText) pair
-- from OrleansQuery with a fixed statement that uses unquoted names, so that table and its
-- columns are created unquoted (lower-case) on the default search_path; after that the
-- providers run only the texts stored here, looked up by key, with @Name parameters.
-- Names below are unquoted throughout, so operators can write them as the Orleans
-- documentation does (OrleansMembershipTable and so on) and PostgreSQL folds them.
--
-- Orleans opens no transaction: each text is one command on a pooled connection, so each
-- text is one statement whose parts (data-modifying CTEs) commit or fail together.
-- The migration runner applies this whole file in one transaction.
--
-- What the texts guarantee (see each text for how):
--   membership: the version row is the ETag of every member row. An insert or update
--     succeeds only while the stored version equals @Version, raises it to exactly
--     @Version + 1 in the same statement as the row change, and otherwise changes nothing
--     and returns 0. Heartbeats never touch the version and never move IAmAliveTime back.
--     Cleanup removes only Dead rows and never touches the version.
--   reminders: an upsert is last-writer-wins and always yields a new version; a delete
--     succeeds only with the current version.
--   storage: a write with no ETag inserts only when no row exists; any other write, clear
--     or delete succeeds only while the stored version equals the ETag passed. A unique
--     natural key (NULL extension equal to NULL) makes a racing first write fail cleanly
--     instead of leaving two rows that would break every later read.
--   every column Orleans writes a DateTime into is timestamptz: Orleans sends and reads
--     UTC instants, which a column without time zone would shift by the session TimeZone
--     (Europe/London here, an hour in summer).

CREATE TABLE OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);

-- Membership: one version row per cluster (DeploymentId = ClusterOptions.ClusterId).
CREATE TABLE OrleansMembershipVersionTable (
    DeploymentId varchar(150) PRIMARY KEY,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer NOT NULL DEFAULT 0 CHECK (Version >= 0)
);

-- One row per silo incarnation. Status: 0 None, 1 Created, 2 Joining, 3 Active,
-- 4 ShuttingDown, 5 Stopping, 6 Dead. SuspectTimes holds the votes as address,time pairs
-- joined by '|'. ProxyPort is 0 for a silo without a gateway.
CREATE TABLE OrleansMembershipTable (
    DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      varchar(45) NOT NULL,
    Port         integer NOT NULL,
    Generation   integer NOT NULL,
    SiloName     text NOT NULL,
    HostName     text NOT NULL,
    Status       integer NOT NULL,
    ProxyPort    integer NOT NULL,
    SuspectTimes text,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Reminders. GrainId is the string "type/key", which long string keys make longer than
-- 150 characters. GrainHash is the grain's unsigned 32-bit ring hash stored as a signed
-- integer; range reads compare it as signed, and the index serves them.
CREATE TABLE OrleansRemindersTable (
    ServiceId    varchar(150) NOT NULL,
    GrainId      text NOT NULL,
    ReminderName varchar(150) NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint NOT NULL,
    GrainHash    integer NOT NULL,
    Version      integer NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX orleansreminderstable_servicehash ON OrleansRemindersTable (ServiceId, GrainHash);

-- Grain storage. GrainTypeString is the state name (not the grain class); for string keys
-- GrainIdExtensionString holds the whole key, so it is text. The hashes only narrow
-- upstream's search; here the unique natural key serves every lookup, so the texts match
-- on it alone and keep the hashes current as they write.
CREATE TABLE OrleansStorage (
    GrainIdHash            integer NOT NULL,
    GrainIdN0              bigint NOT NULL,
    GrainIdN1              bigint NOT NULL,
    GrainTypeHash          integer NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString text,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    Version                integer NOT NULL,
    CONSTRAINT orleansstorage_natural_key
        UNIQUE NULLS NOT DISTINCT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- Versions of reminders and stored states come from one sequence rather than counting up
-- from 0 per row: a row that is deleted and created again then never repeats a version
-- that a stale holder of the old row's ETag could still present. The maximum leaves room
-- for DeleteStorageKey's "version + 1" answer within integer.
CREATE SEQUENCE orleans_row_version AS integer MINVALUE 1 MAXVALUE 2147483646 CYCLE;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Membership ---------------------------------------------------------------------------

-- Silo start: creates the cluster's version row; 1 if created, 0 if it existed already.
('InsertMembershipVersionKey', $sql$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId, Timestamp, Version)
    VALUES (@DeploymentId, now(), 0)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM inserted
$sql$),

-- Every member with the table version, in one statement so the two agree. With no members,
-- one row with the version and NULLs; with no version row, no row (Orleans then fails).
('MembershipReadAllKey', $sql$
SELECT m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId
$sql$),

('MembershipReadRowKey', $sql$
SELECT m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address
      AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId
$sql$),

-- Join: the version moves from @Version to @Version + 1 only if the row is new, and the
-- row is inserted only from that bump. Concurrent writers queue on the version row and
-- re-check its version, so at most one of them with the same @Version succeeds. Should the
-- insert still collide, the error rolls the bump back with it.
('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable v
    SET Version = v.Version + 1, Timestamp = now()
    WHERE v.DeploymentId = @DeploymentId
      AND v.Version = @Version
      AND v.Version < 2147483647
      AND NOT EXISTS (
          SELECT 1 FROM OrleansMembershipTable m
          WHERE m.DeploymentId = @DeploymentId AND m.Address = @Address
            AND m.Port = @Port AND m.Generation = @Generation)
    RETURNING v.DeploymentId
), inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
         SuspectTimes, StartTime, IAmAliveTime)
    SELECT bumped.DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT count(*)::integer FROM inserted
$sql$),

-- Status change, suspicion vote or death: the member row is locked first, so it cannot
-- vanish (cleanup) between the version bump and its own change; then the version moves
-- from @Version to @Version + 1 and the row changes, or nothing changes and 0 comes back.
-- IAmAliveTime never moves back: the caller may have read the row before a heartbeat.
('UpdateMembershipKey', $sql$
WITH member AS (
    SELECT m.DeploymentId
    FROM OrleansMembershipTable m
    WHERE m.DeploymentId = @DeploymentId AND m.Address = @Address
      AND m.Port = @Port AND m.Generation = @Generation
    FOR UPDATE
), bumped AS (
    UPDATE OrleansMembershipVersionTable v
    SET Version = v.Version + 1, Timestamp = now()
    FROM member
    WHERE v.DeploymentId = member.DeploymentId
      AND v.Version = @Version
      AND v.Version < 2147483647
    RETURNING v.DeploymentId
), updated AS (
    UPDATE OrleansMembershipTable m
    SET Status = @Status,
        SuspectTimes = @SuspectTimes,
        IAmAliveTime = GREATEST(m.IAmAliveTime, @IAmAliveTime)
    FROM bumped
    WHERE m.DeploymentId = bumped.DeploymentId AND m.Address = @Address
      AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer FROM updated
$sql$),

-- Heartbeat: only this row's IAmAliveTime, only forwards, never the version.
('UpdateIAmAlivetimeKey', $sql$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address
  AND Port = @Port AND Generation = @Generation
  AND IAmAliveTime < @IAmAliveTime
$sql$),

-- Gateway list for clients: silos with the given status (Active) that run a gateway.
('GatewaysQueryKey', $sql$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$sql$),

-- Bulk cleanup, used only by processes that lack CleanupDefunctSiloEntryKey: Dead rows
-- that started and last lived before the cutoff and carry no votes (votes may be recent
-- and only Orleans can read their times; rows with votes go through the single-row text).
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = 6
  AND StartTime < @IAmAliveTime
  AND IAmAliveTime < @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = ''
$sql$),

-- Single-row cleanup: Orleans chose the row from what it read; delete it only if it is
-- still Dead and unchanged since then (NULL and empty SuspectTimes count as equal).
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address
  AND Port = @Port AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime
  AND IAmAliveTime = @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '')
$sql$),

-- Tests and tools: the cluster's members and its version row, together.
('DeleteMembershipTableEntriesKey', $sql$
WITH members AS (
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId
)
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
$sql$),

-- Reminders ----------------------------------------------------------------------------

('ReadReminderRowsKey', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$sql$),

-- A ring range that does not wrap: begin excluded, end included, compared as signed.
('ReadRangeRows1Key', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$sql$),

-- A range that wraps round (begin >= end); begin = end is the whole ring.
('ReadRangeRows2Key', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$sql$),

-- Last writer wins; every upsert yields a new version.
('UpsertReminderRowKey', $sql$
INSERT INTO OrleansRemindersTable
    (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, nextval('orleans_row_version'))
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime,
    Period = excluded.Period,
    GrainHash = excluded.GrainHash,
    Version = excluded.Version
RETURNING Version
$sql$),

-- 1 if the row with this version was deleted; 0 if missing or the version is stale.
('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId
      AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1
)
SELECT count(*)::integer FROM deleted
$sql$),

('DeleteReminderRowsKey', $sql$
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId
$sql$),

-- Grain storage ------------------------------------------------------------------------
-- Every text matches the whole natural key, NULL extension equal to NULL, written so that
-- the unique index serves it. No row back, or a NULL, is a conflict to the provider.

('ReadFromStorageKey', $sql$
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND (GrainIdExtensionString = @GrainIdExtensionString
       OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
$sql$),

-- No ETag: insert only if there is no row (a racing first write finds the unique key and
-- gets no row back). An ETag: update only while the version matches.
('WriteToStorageKey', $sql$
WITH inserted AS (
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
         GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString, @ServiceId, @PayloadBinary, now(), nextval('orleans_row_version')
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleansstorage_natural_key DO NOTHING
    RETURNING Version
), updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, ModifiedOn = now(),
        GrainIdHash = @GrainIdHash, GrainTypeHash = @GrainTypeHash,
        Version = nextval('orleans_row_version')
    WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND (GrainIdExtensionString = @GrainIdExtensionString
           OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
      AND Version = @GrainStateVersion
    RETURNING Version
)
SELECT Version AS NewGrainStateVersion FROM inserted
UNION ALL
SELECT Version FROM updated
$sql$),

-- Clear keeps the row, with no payload and a new version, so the version keeps counting.
('ClearStorageKey', $sql$
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = now(), Version = nextval('orleans_row_version')
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND (GrainIdExtensionString = @GrainIdExtensionString
       OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion
$sql$),

-- DeleteStateOnClear = true: the row goes if the version matches. The answer only has to
-- differ from the ETag passed.
('DeleteStorageKey', $sql$
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND (GrainIdExtensionString = @GrainIdExtensionString
       OR (GrainIdExtensionString IS NULL AND @GrainIdExtensionString IS NULL))
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion
$sql$);
