package com.upward.gateway.identity;

/** An integration client (an LMS) that signs in with client credentials; the secret is kept only as a bcrypt hash. */
public record ClientAccount(String clientId, String name, String org, String secretHash) {
}
