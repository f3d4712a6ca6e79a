-- tldr-bot schema, version 12: several processes on one store (SPEC §13). Same conventions as V1.

-- Every running process, with a heartbeat every few seconds. A process whose heartbeat is older
-- than the dead-after window (or whose pid is gone from its own host) is dead: its feed claims,
-- its outbox rows in 'sending' and its Discord shards are taken over by the live ones.
CREATE TABLE processes (
    id                VARCHAR(64)  PRIMARY KEY,
    host              VARCHAR(255) NOT NULL,
    pid               BIGINT       NOT NULL,
    configured_shards VARCHAR(255) NOT NULL,  -- discord.shards.ids of the process, "0,1"; "" = none
    shard_total       INTEGER      NOT NULL,
    started_at        BIGINT       NOT NULL,
    heartbeat_at      BIGINT       NOT NULL
);

-- Which process runs which Discord shard right now: the configured one, or a live process that
-- took it over while its configured process was dead (and gives it back when that one returns).
CREATE TABLE shard_leases (
    shard_id   INTEGER     PRIMARY KEY,
    process_id VARCHAR(64) NOT NULL,
    taken_at   BIGINT      NOT NULL
);

-- The process that holds a feed's poll lease; the lease is renewed by its heartbeat.
ALTER TABLE feeds ADD COLUMN lease_owner VARCHAR(64);

-- The process that claimed an outbox row ('sending'); another process settles the row once that
-- process is dead.
ALTER TABLE deliveries ADD COLUMN claimed_by VARCHAR(64);
