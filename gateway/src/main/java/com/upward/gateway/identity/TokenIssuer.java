package com.upward.gateway.identity;

import com.upward.gateway.config.IdentityConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The local issuer: short-lived RS256 tokens carrying sub, groups, org, iss and aud. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    IdentityConfig config;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    public String issue(UserAccount account) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(account.id())
                .upn(account.username())
                .groups(account.roles())
                .claim("org", account.org())
                .claim("name", account.name())
                .expiresIn(config.tokenTtl())
                .jws().keyId(config.keyId())
                .sign();
    }

    public long lifetimeSeconds() {
        return config.tokenTtl().toSeconds();
    }
}
