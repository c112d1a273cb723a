-- Running sums over FIRST attempts per organisation, so Moodle-style statistics are read, never recomputed.
-- x = a question's score (0..1, each question is worth one point), t = the attempt's total, r = t - x.
CREATE TABLE quiz_statistics (
    org_id          TEXT             NOT NULL,
    quiz_id         TEXT             NOT NULL,
    slots           INT              NOT NULL,
    n               BIGINT           NOT NULL,
    sum_t           DOUBLE PRECISION NOT NULL,
    sum_tt          DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (org_id, quiz_id)
);

-- Per question: facility and discrimination.
CREATE TABLE question_statistics (
    org_id       TEXT             NOT NULL,
    quiz_id      TEXT             NOT NULL,
    question_id  TEXT             NOT NULL,
    n            BIGINT           NOT NULL,
    sum_x        DOUBLE PRECISION NOT NULL,
    sum_xx       DOUBLE PRECISION NOT NULL,
    sum_r        DOUBLE PRECISION NOT NULL,
    sum_rr       DOUBLE PRECISION NOT NULL,
    sum_xr       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (org_id, quiz_id, question_id)
);

-- Per slot (the position in the quiz; a drawn question's pool position): item variances for Cronbach's alpha.
CREATE TABLE slot_statistics (
    org_id   TEXT             NOT NULL,
    quiz_id  TEXT             NOT NULL,
    slot     INT              NOT NULL,
    n        BIGINT           NOT NULL,
    sum_x    DOUBLE PRECISION NOT NULL,
    sum_xx   DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (org_id, quiz_id, slot)
);
