-- partition: the wa.session.commands partition the instance's commands land on (murmur2 of the instance id, as the
-- producers compute it), so that an assignment loads its sessions through an index instead of scanning. NULL for
-- rows written before this column existed; the worker fills it in on the next assignment. After the topic's
-- partition count changes, setting it back to NULL for all rows makes the workers recompute it.
ALTER TABLE sessions ADD COLUMN partition integer;
CREATE INDEX sessions_wanted_by_partition ON sessions (partition) WHERE desired_state = 'CONNECTED';
CREATE INDEX sessions_without_partition ON sessions (instance_id) WHERE partition IS NULL;

-- fence: the highest lease token that was used for the instance. The lease holder raises it when it acquires the
-- lease; status and credential writes carry the writer's token and are refused when a newer one was seen, so a
-- paused former holder cannot overwrite the new holder's state.
ALTER TABLE sessions ADD COLUMN fence bigint NOT NULL DEFAULT 0;
DROP INDEX sessions_desired;
