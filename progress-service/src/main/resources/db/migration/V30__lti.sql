-- LTI 1.3: the platforms (LMSs) each organisation's admin registered, the nonces already used, the learners
-- provisioned by launches and the resource links they came through. Owned state, kept when the read model is
-- rebuilt.
CREATE TABLE lti_platform (
    id             UUID        PRIMARY KEY,
    org_id         TEXT        NOT NULL,
    issuer         TEXT        NOT NULL,
    client_id      TEXT        NOT NULL,
    auth_login_url TEXT        NOT NULL,
    auth_token_url TEXT        NOT NULL,
    jwks_url       TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    -- A launch names issuer and client id: they must lead to one registration, hence to one organisation.
    UNIQUE (issuer, client_id)
);
CREATE INDEX lti_platform_org ON lti_platform (org_id, created_at);

CREATE TABLE lti_deployment (
    platform_id   UUID NOT NULL REFERENCES lti_platform (id) ON DELETE CASCADE,
    deployment_id TEXT NOT NULL,
    PRIMARY KEY (platform_id, deployment_id)
);

-- A nonce is accepted once: inserted in the launch's transaction, kept until the id_token could not be valid.
CREATE TABLE lti_nonce (
    issuer     TEXT        NOT NULL,
    nonce      TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (issuer, nonce)
);
CREATE INDEX lti_nonce_expiry ON lti_nonce (expires_at);

-- The learner an LTI user became in the registration's organisation (issuer + sub → learner id).
CREATE TABLE lti_account (
    issuer     TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    org_id     TEXT        NOT NULL,
    learner_id TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (issuer, subject, org_id)
);

-- The newest launch of a learner through a resource link: what it opens and where its grades go (AGS) and its
-- roster is read (NRPS).
CREATE TABLE lti_resource_link (
    platform_id      UUID        NOT NULL REFERENCES lti_platform (id) ON DELETE CASCADE,
    learner_id       TEXT        NOT NULL,
    resource_link_id TEXT        NOT NULL,
    subject          TEXT        NOT NULL,
    deployment_id    TEXT        NOT NULL,
    context_id       TEXT,
    target_kind      TEXT        NOT NULL CHECK (target_kind IN ('COURSE', 'LESSON', 'QUIZ')),
    course_id        TEXT        NOT NULL,
    target_id        TEXT        NOT NULL,
    lineitem_url     TEXT,
    can_score        BOOLEAN     NOT NULL,
    memberships_url  TEXT,
    launched_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform_id, learner_id, resource_link_id)
);
CREATE INDEX lti_resource_link_learner ON lti_resource_link (learner_id, course_id);

-- Scores for the platforms' line items (AGS), written in the same transaction as the result they carry; the
-- result key (the attempt or the certificate, and the line item) makes a replayed event add nothing.
CREATE TABLE ags_outbox (
    position        BIGSERIAL   PRIMARY KEY,
    result_key      TEXT        NOT NULL UNIQUE,
    platform_id     UUID        NOT NULL REFERENCES lti_platform (id) ON DELETE CASCADE,
    lineitem_url    TEXT        NOT NULL,
    score           TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ
);
CREATE INDEX ags_outbox_due ON ags_outbox (next_attempt_at, position) WHERE status = 'PENDING';
