-- Read model: how many learner-course rows of the summary have each combination of the dimensions the reports
-- count by, kept by the projector (one -1 and one +1 per change). The summary and the list's page counts add up
-- a few of these rows instead of scanning every learner. No NULLs, so the key is a plain primary key:
-- score -1 = no graded attempt, due_date 9999-12-31 = no due date. Rows that fall to 0 are deleted.
CREATE TABLE report_counts (
    org_id          TEXT          NOT NULL,
    course_id       TEXT          NOT NULL,
    status          TEXT          NOT NULL,
    quizzes_passed  BOOLEAN       NOT NULL,
    score           NUMERIC(6, 2) NOT NULL,
    due_date        DATE          NOT NULL,
    learners        BIGINT        NOT NULL CHECK (learners > 0),
    PRIMARY KEY (org_id, course_id, status, quizzes_passed, score, due_date)
);

INSERT INTO report_counts (org_id, course_id, status, quizzes_passed, score, due_date, learners)
SELECT org_id, course_id, status, quizzes_passed, coalesce(score, -1), coalesce(due_date, DATE '9999-12-31'), count(*)
FROM learner_course_summary GROUP BY 1, 2, 3, 4, 5, 6;

-- The learner list sorted by score, best first (the other common sorts use the V2 indexes).
CREATE INDEX summary_org_score ON learner_course_summary (org_id, score DESC NULLS LAST, learner_id DESC, course_id DESC);
