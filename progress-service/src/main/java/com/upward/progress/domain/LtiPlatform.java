package com.upward.progress.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An LTI 1.3 platform (an LMS) registered by an organisation's admin: who it is and where its endpoints are. */
public record LtiPlatform(UUID id, String orgId, String issuer, String clientId, List<String> deploymentIds,
                          String authLoginUrl, String authTokenUrl, String jwksUrl, Instant createdAt,
                          Instant updatedAt) {
}
