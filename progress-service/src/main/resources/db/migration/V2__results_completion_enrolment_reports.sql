-- Read model (rebuildable from the events): every scored quiz attempt, as upward.quiz.attempt-scored tells it.
-- Grading (highest, latest, first) is applied when reading them, so attempts may arrive in any order.
CREATE TABLE quiz_attempt (
    attempt_id      TEXT          PRIMARY KEY,
    learner_id      TEXT          NOT NULL,
    org_id          TEXT          NOT NULL,
    course_id       TEXT          NOT NULL,
    quiz_id         TEXT          NOT NULL,
    attempt_number  INT           NOT NULL,
    percent         NUMERIC(6, 2) NOT NULL,
    passed          BOOLEAN       NOT NULL,
    by_power_type   JSONB         NOT NULL,
    submitted_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX quiz_attempt_learner ON quiz_attempt (learner_id, course_id, quiz_id);

-- Owned state (not derived from events, kept across a rebuild): the learner's name from their token.
CREATE TABLE learner_profile (
    learner_id    TEXT        PRIMARY KEY,
    org_id        TEXT        NOT NULL,
    display_name  TEXT,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Owned state: assignments by an admin (with a due date) and self-enrolments.
CREATE TABLE enrolment (
    learner_id   TEXT        NOT NULL,
    course_id    TEXT        NOT NULL,
    org_id       TEXT        NOT NULL,
    source       TEXT        NOT NULL CHECK (source IN ('ASSIGNED', 'SELF')),
    due_date     DATE,
    assigned_by  TEXT,
    enrolled_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (learner_id, course_id)
);

-- Owned state: certificates issued. Kept across a rebuild so a replay re-finds them instead of issuing again.
CREATE TABLE certificate (
    certificate_id  TEXT          PRIMARY KEY,
    learner_id      TEXT          NOT NULL,
    course_id       TEXT          NOT NULL,
    org_id          TEXT          NOT NULL,
    version         INT           NOT NULL,
    course_title    TEXT          NOT NULL,
    completed_at    TIMESTAMPTZ   NOT NULL,
    final_percent   NUMERIC(6, 2) NOT NULL,
    issued_at       TIMESTAMPTZ   NOT NULL,
    UNIQUE (learner_id, course_id)
);

-- Read model: one row per learner and course, kept up to date by the projector; every admin report reads it.
-- Overdue is not stored: it depends on the clock (due_date passed and not completed).
CREATE TABLE learner_course_summary (
    learner_id        TEXT          NOT NULL,
    course_id         TEXT          NOT NULL,
    org_id            TEXT          NOT NULL,
    learner_name      TEXT,
    version           INT,
    status            TEXT          NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED')),
    lessons_done      INT           NOT NULL,
    lessons_total     INT           NOT NULL,
    percent           INT           NOT NULL,
    next_lesson_id    TEXT,
    score             NUMERIC(6, 2),
    best_score        NUMERIC(6, 2),
    quizzes_passed    BOOLEAN       NOT NULL,
    enrolled_at       TIMESTAMPTZ,
    due_date          DATE,
    started_at        TIMESTAMPTZ,
    last_activity_at  TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ,
    certificate_id    TEXT,
    PRIMARY KEY (learner_id, course_id)
);
-- The summary reads these columns only, so it is an index-only scan.
CREATE INDEX summary_org_course ON learner_course_summary (org_id, course_id)
    INCLUDE (status, started_at, score, quizzes_passed, due_date);
CREATE INDEX summary_org_name ON learner_course_summary (org_id, learner_name, learner_id, course_id);
CREATE INDEX summary_org_course_name ON learner_course_summary (org_id, course_id, learner_name, learner_id);
CREATE INDEX summary_org_status ON learner_course_summary (org_id, status, learner_name, learner_id);
CREATE INDEX summary_org_completed ON learner_course_summary (org_id, completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX summary_org_due ON learner_course_summary (org_id, due_date) WHERE due_date IS NOT NULL AND status <> 'COMPLETED';

-- Read model: per learner, course and power type, the correct and total answers of the graded attempts.
CREATE TABLE learner_power (
    learner_id  TEXT          NOT NULL,
    course_id   TEXT          NOT NULL,
    org_id      TEXT          NOT NULL,
    power_type  TEXT          NOT NULL,
    correct     NUMERIC(8, 2) NOT NULL,
    total       INT           NOT NULL,
    mastered    BOOLEAN       NOT NULL,
    PRIMARY KEY (learner_id, course_id, power_type)
);
CREATE INDEX learner_power_org ON learner_power (org_id, course_id, power_type) INCLUDE (correct, total, mastered);

-- The lesson funnel counts learners per lesson within one organisation.
CREATE INDEX lesson_done_org ON lesson_done (org_id, course_id, lesson_id);
