-- An admin's assignment of an id that is not (yet) a learner of the admin's organisation. It belongs to that
-- organisation alone: it becomes an enrolment when the learner first signs in (or first acts) in that
-- organisation, and is never seen by, counted for, or in the way of any other organisation.
CREATE TABLE pending_enrolment (
    org_id       TEXT        NOT NULL,
    learner_id   TEXT        NOT NULL,
    course_id    TEXT        NOT NULL,
    due_date     DATE        NOT NULL,
    assigned_by  TEXT        NOT NULL,
    assigned_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, learner_id, course_id)
);
CREATE INDEX pending_enrolment_learner ON pending_enrolment (learner_id, course_id);
