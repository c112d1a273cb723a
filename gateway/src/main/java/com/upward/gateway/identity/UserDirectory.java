package com.upward.gateway.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.gateway.config.IdentityConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The users the local issuer knows. Only the demo users, and only where the local profile turns them on. */
@ApplicationScoped
@Startup
public class UserDirectory {

    private static final String DEMO_USERS = "identity/demo-users.json";
    // Checked when the username is unknown, so a wrong username costs as long as a wrong password.
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-password", 10);

    @Inject
    IdentityConfig config;

    @Inject
    ObjectMapper mapper;

    private Map<String, UserAccount> users = Map.of();

    @PostConstruct
    void load() {
        if (!config.demoUsers()) {
            return;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEMO_USERS)) {
            List<UserAccount> accounts = mapper.readValue(in, new TypeReference<>() {
            });
            users = accounts.stream().collect(Collectors.toMap(account -> account.username().toLowerCase(Locale.ROOT), Function.identity()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DEMO_USERS, e);
        }
    }

    /** The account if the password matches; empty otherwise, without saying which part was wrong. */
    public Optional<UserAccount> authenticate(String username, String password) {
        UserAccount account = users.get(username.toLowerCase(Locale.ROOT));
        if (account == null) {
            BcryptUtil.matches(password, DECOY_HASH);
            return Optional.empty();
        }
        return BcryptUtil.matches(password, account.passwordHash()) ? Optional.of(account) : Optional.empty();
    }
}
