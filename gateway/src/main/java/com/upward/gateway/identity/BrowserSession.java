package com.upward.gateway.identity;

import java.time.Instant;

/**
 * A signed-in browser, held by the gateway: the cookie carries only the session's random id; the token stays
 * here and is attached to the browser's requests on their way in, so no script in the page can read it.
 */
public final class BrowserSession {

    private final String id;
    private final UserAccount account;
    private final String csrfToken;
    private final Instant signedInAt;
    private volatile String token;
    private volatile Instant tokenExpiresAt;
    private volatile Instant lastSeen;

    BrowserSession(String id, UserAccount account, String csrfToken, Instant signedInAt, String token, Instant tokenExpiresAt) {
        this.id = id;
        this.account = account;
        this.csrfToken = csrfToken;
        this.signedInAt = signedInAt;
        this.token = token;
        this.tokenExpiresAt = tokenExpiresAt;
        this.lastSeen = signedInAt;
    }

    public String id() {
        return id;
    }

    public UserAccount account() {
        return account;
    }

    /** The value the portal sends in X-CSRF-Token with every write: a page of another site cannot know it. */
    public String csrfToken() {
        return csrfToken;
    }

    public Instant signedInAt() {
        return signedInAt;
    }

    public String token() {
        return token;
    }

    Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void seen(Instant now) {
        lastSeen = now;
    }

    void replaceToken(String newToken, Instant expiresAt) {
        token = newToken;
        tokenExpiresAt = expiresAt;
    }
}
