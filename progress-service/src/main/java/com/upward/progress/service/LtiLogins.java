package com.upward.progress.service;

import com.upward.platform.web.errors.InvalidInputException;
import com.upward.platform.web.errors.NotFoundException;
import com.upward.progress.domain.LtiPlatform;
import com.upward.progress.persistence.LtiPlatformRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** OIDC login initiation: which registration a platform's login request is for, and where to send the browser. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LtiLogins {

    @Inject
    LtiPlatformRepository platforms;

    /** By issuer and client id; the client id may be left out when the issuer has one registration only. */
    public LtiPlatform platform(String issuer, String clientId) {
        if (clientId != null && !clientId.isBlank()) {
            return platforms.byIssuerAndClient(issuer, clientId).orElseThrow(() ->
                    new NotFoundException("No LTI platform with issuer '" + issuer + "' and client id '" + clientId
                            + "' is registered."));
        }
        List<LtiPlatform> ofIssuer = platforms.ofIssuer(issuer);
        if (ofIssuer.isEmpty()) {
            throw new NotFoundException("No LTI platform with issuer '" + issuer + "' is registered.");
        }
        if (ofIssuer.size() > 1) {
            throw new InvalidInputException("Issuer '" + issuer + "' is registered more than once: the login must name client_id.");
        }
        return ofIssuer.get(0);
    }
}
