package com.upward.gateway.identity;

import java.util.Set;

/** A user the local issuer can sign in: the password is kept only as a bcrypt hash. */
public record UserAccount(String username, String id, String name, String org, Set<String> roles, String passwordHash) {
}
