-- The lessons each learner completed, from upward.lesson.completed: what a quiz's sequencing rule
-- (unlocked_by of its placement) is checked against when an attempt starts.
CREATE TABLE lesson_done (
    org_id        TEXT        NOT NULL,
    learner_id    TEXT        NOT NULL,
    course_id     TEXT        NOT NULL,
    lesson_id     TEXT        NOT NULL,
    completed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (org_id, learner_id, course_id, lesson_id)
);
