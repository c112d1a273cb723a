-- cmi5: Upward launched as an AU by an LMS. One row per launch (session): where the LMS's LRS is, the auth token
-- fetched once at launch, the launch actor, registration and activity, and LMS.LaunchData's contextTemplate,
-- launchMode and masteryScore. Owned state: kept when the read model is rebuilt.
CREATE TABLE cmi5_session (
    session_id       UUID PRIMARY KEY,
    org_id           TEXT        NOT NULL,
    learner_id       TEXT        NOT NULL,
    course_id        TEXT        NOT NULL,
    au_kind          TEXT        NOT NULL CHECK (au_kind IN ('LESSON', 'QUIZ')),
    au_item_id       TEXT        NOT NULL,
    activity_id      TEXT        NOT NULL,
    registration     UUID        NOT NULL,
    endpoint         TEXT        NOT NULL,
    auth_token       TEXT        NOT NULL,
    actor            TEXT        NOT NULL,
    context_template TEXT        NOT NULL,
    launch_mode      TEXT        NOT NULL,
    mastery_score    NUMERIC,
    launched_at      TIMESTAMPTZ NOT NULL,
    terminated_at    TIMESTAMPTZ
);
-- A result event looks for the learner's open sessions of that lesson or quiz.
CREATE INDEX cmi5_session_open ON cmi5_session (learner_id, course_id, au_kind, au_item_id) WHERE terminated_at IS NULL;

-- A statement of a cmi5 session goes to that session's LRS with its token, not to the organisation's LRS.
ALTER TABLE xapi_outbox ADD COLUMN session_id UUID REFERENCES cmi5_session (session_id);
