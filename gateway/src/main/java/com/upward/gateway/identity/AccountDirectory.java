package com.upward.gateway.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.upward.gateway.config.IdentityConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local issuer's directories (users, integration clients) share: accounts read from JSON files, each with
 * its secret kept only as a bcrypt hash, and the check of a name and secret that never says which part was wrong.
 *
 * @param <A> the account
 */
abstract class AccountDirectory<A> {

    // Checked when the name is unknown, so a wrong name costs as long as a wrong secret.
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-secret", 10);

    @Inject
    protected IdentityConfig config;

    @Inject
    protected ObjectMapper mapper;

    private final Class<A> type;

    private Map<String, A> accounts = Map.of();

    protected AccountDirectory(Class<A> type) {
        this.type = type;
    }

    /** The bcrypt hash of an account's secret. */
    protected abstract String secretHash(A account);

    /** The key an account is found by from the name given at sign-in (as is, unless a directory folds case). */
    protected String key(String name) {
        return name;
    }

    protected void use(Map<String, A> loaded) {
        accounts = Map.copyOf(loaded);
    }

    /** The accounts of one JSON file (an array); {@code what} names it in the error. */
    protected List<A> read(InputStream in, String what) {
        try (in) {
            return mapper.readValue(in, mapper.getTypeFactory().constructCollectionType(List.class, type));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + what, e);
        }
    }

    protected static InputStream resource(String location) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(location);
    }

    /** Every account of this directory. */
    public Collection<A> all() {
        return accounts.values();
    }

    /** The account if the secret matches; empty otherwise, without saying which part was wrong. */
    public Optional<A> authenticate(String name, String secret) {
        A account = accounts.get(key(name));
        if (account == null) {
            BcryptUtil.matches(secret, DECOY_HASH);
            return Optional.empty();
        }
        return BcryptUtil.matches(secret, secretHash(account)) ? Optional.of(account) : Optional.empty();
    }
}
