-- Assignments stored before an assignment had to name a learner of the organisation (an id typed by hand, never
-- signed in, or another organisation's learner) were enrolments, and the reports counted them. They are not
-- deleted: each becomes a pending enrolment of its organisation, which turns back into an enrolment when that learner
-- first signs in there (as new ones did since V7), and its summary row leaves the reports. A learner of the
-- organisation is one bound to it by a sign-in (learner_profile), or, bound to none, with activity under it.
CREATE TEMP TABLE phantom_assignment ON COMMIT DROP AS
SELECT e.learner_id, e.course_id, e.org_id, e.due_date, e.assigned_by, e.enrolled_at
FROM enrolment e
WHERE e.source = 'ASSIGNED'
  AND NOT EXISTS (SELECT 1 FROM learner_profile p WHERE p.learner_id = e.learner_id AND p.org_id = e.org_id)
  AND (EXISTS (SELECT 1 FROM learner_profile p WHERE p.learner_id = e.learner_id)
       OR NOT (EXISTS (SELECT 1 FROM learner_course c WHERE c.learner_id = e.learner_id AND c.org_id = e.org_id)
               OR EXISTS (SELECT 1 FROM quiz_attempt a WHERE a.learner_id = e.learner_id AND a.org_id = e.org_id)));

INSERT INTO pending_enrolment (org_id, learner_id, course_id, due_date, assigned_by, assigned_at)
SELECT org_id, learner_id, course_id, coalesce(due_date, DATE '9999-12-31'), coalesce(assigned_by, 'unknown'), enrolled_at
FROM phantom_assignment
ON CONFLICT (org_id, learner_id, course_id) DO NOTHING;

DELETE FROM enrolment e USING phantom_assignment x
WHERE e.learner_id = x.learner_id AND e.course_id = x.course_id;

-- Only rows with nothing done go: a phantom has no activity under its organisation.
DELETE FROM learner_course_summary s USING phantom_assignment x
WHERE s.learner_id = x.learner_id AND s.course_id = x.course_id AND s.org_id = x.org_id AND s.started_at IS NULL
  AND s.certificate_id IS NULL;

-- The counts of the courses touched, again from the summary rows (as V3 first made them).
DELETE FROM report_counts r USING (SELECT DISTINCT org_id, course_id FROM phantom_assignment) x
WHERE r.org_id = x.org_id AND r.course_id = x.course_id;
INSERT INTO report_counts (org_id, course_id, status, quizzes_passed, score, due_date, learners)
SELECT s.org_id, s.course_id, s.status, s.quizzes_passed, coalesce(s.score, -1), coalesce(s.due_date, DATE '9999-12-31'), count(*)
FROM learner_course_summary s JOIN (SELECT DISTINCT org_id, course_id FROM phantom_assignment) x
    ON s.org_id = x.org_id AND s.course_id = x.course_id
GROUP BY 1, 2, 3, 4, 5, 6;
