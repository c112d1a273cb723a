-- Question banks imported from a QTI 3.0 content package, kept as drafts of the importing organisation: read back by
-- its authors, never used to score anyone. The questions are the bank's own JSON shape (BankDocument.Question).
CREATE TABLE question_bank_draft (
    id           UUID        PRIMARY KEY,
    org_id       TEXT        NOT NULL,
    course_id    TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    questions    JSONB       NOT NULL
);
CREATE INDEX question_bank_draft_org ON question_bank_draft (org_id, created_at);
