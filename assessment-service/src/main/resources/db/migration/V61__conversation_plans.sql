-- A learner's plan for an upward conversation, built from the interview's questions for first-timers, the four tips
-- to engage and its softer-language openings; marked held with a short reflection, it counts as practice.
CREATE TABLE conversation_plan (
    id            UUID        PRIMARY KEY,
    org_id        TEXT        NOT NULL,
    learner_id    TEXT        NOT NULL,
    course_id     TEXT        NOT NULL,
    title         TEXT        NOT NULL,
    -- the answers to Aleta Norris's five questions: {motive, outcome, helpsOthers, helpsThem, atRisk}
    answers       JSONB       NOT NULL,
    -- the powers the learner can draw on, e.g. ["EXPERTISE", "REPUTATION"]
    powers        JSONB       NOT NULL,
    -- how the learner applies each of the four tips to engage: {understanding, teamPlayer, organised, relationship}
    tips          JSONB       NOT NULL,
    opening       TEXT        CHECK (opening IN ('SHARE', 'HELP')),
    status        TEXT        NOT NULL CHECK (status IN ('PLANNED', 'HELD')),
    held_at       TIMESTAMPTZ,
    reflection    TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'HELD') = (held_at IS NOT NULL))
);
CREATE INDEX conversation_plan_learner ON conversation_plan (org_id, learner_id, updated_at);
CREATE INDEX conversation_plan_held ON conversation_plan (org_id) WHERE status = 'HELD';
