-- Practice a learner finished, from upward.practice.completed: spaced sets (a power type's percent, the box it moved
-- to, when the next is due) and conversations held. Derived from events only, so a rebuild truncates and replays it.
CREATE TABLE practice_done (
    practice_id          TEXT          PRIMARY KEY,
    learner_id           TEXT          NOT NULL,
    org_id               TEXT          NOT NULL,
    course_id            TEXT          NOT NULL,
    kind                 TEXT          NOT NULL CHECK (kind IN ('SPACED_SET', 'CONVERSATION')),
    power_type           TEXT,
    percent              NUMERIC(6, 2),
    mastered             BOOLEAN,
    box                  INT,
    next_due_at          TIMESTAMPTZ,
    power_types_drawn_on JSONB,
    completed_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX practice_done_learner ON practice_done (org_id, learner_id, completed_at);
