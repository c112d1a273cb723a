package com.upward.gateway.identity;

import com.upward.gateway.config.IdentityConfig;
import com.upward.platform.web.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Set;

/** The local issuer: short-lived RS256 tokens carrying sub, groups, org, name, iss and aud. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    IdentityConfig config;

    public String issue(UserAccount account) {
        return sign(Jwt.subject(account.id()).upn(account.username()).groups(account.roles())
                .claim("org", account.org()).claim("name", account.name()));
    }

    /** An integration client's token: the client is the subject, its organisation the org, its only role integration. */
    public String issue(ClientAccount client) {
        return sign(Jwt.subject(client.clientId()).upn(client.clientId()).groups(Set.of(Roles.INTEGRATION))
                .claim("org", client.org()).claim("name", client.name()));
    }

    private String sign(JwtClaimsBuilder claims) {
        return claims.issuer(config.issuer())
                .audience(config.audience())
                .expiresIn(config.tokenTtl())
                .jws().keyId(config.keyId())
                .sign();
    }

    public long lifetimeSeconds() {
        return config.tokenTtl().toSeconds();
    }

    public Duration lifetime() {
        return config.tokenTtl();
    }
}
