package com.upward.platform.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * The bearer-token mechanism, with two changes: a validly signed token whose {@code sub} is missing, blank, or
 * holds control characters is no usable identity (every call is someone's, and the subject becomes a key in
 * the databases), so it is refused like a bad signature; and when a request without a usable token is refused at
 * the HTTP layer, the 401 carries a problem+json body like every other error, not an empty one.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallengeJwtMechanism implements HttpAuthenticationMechanism {

    @Inject
    JWTAuthMechanism delegate;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return delegate.authenticate(context, identityProviderManager).onItem().invoke(identity -> {
            if (identity != null && identity.getPrincipal() instanceof JsonWebToken token && !CurrentUser.usable(token.getSubject())) {
                throw new AuthenticationFailedException("The token names no usable subject");
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return delegate.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return delegate.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return delegate.getCredentialTransport(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!context.response().headWritten()) {
            Problem problem = SecurityProblems.unauthorizedProblem(context.request().path());
            context.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer")
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(JsonObject.mapFrom(problem).encode());
        }
        return Uni.createFrom().item(true);
    }
}
