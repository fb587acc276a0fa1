-- One run per cluster for scheduled jobs (issue 19): the lock rows of ShedLock, one per job.
-- A node runs a job only while it holds the job's row (lock_until: UTC by the database's clock, as ShedLock writes it).
CREATE TABLE cluster_job_lock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);
