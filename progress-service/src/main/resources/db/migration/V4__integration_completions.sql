-- An LMS pulls its organisation's completions (certificates) in completed_at, certificate_id order, optionally
-- from a point in time and for one course: each page is a range scan of one of these indexes.
CREATE INDEX certificate_org_completed ON certificate (org_id, completed_at, certificate_id COLLATE "C");
CREATE INDEX certificate_org_course_completed ON certificate (org_id, course_id, completed_at, certificate_id COLLATE "C");
