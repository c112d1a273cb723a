package com.upward.gateway.identity;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The users the local issuer knows. Only the demo users, and only where the local profile turns them on. */
@ApplicationScoped
@Startup
public class UserDirectory extends AccountDirectory<UserAccount> {

    private static final String DEMO_USERS = "identity/demo-users.json";

    public UserDirectory() {
        super(UserAccount.class);
    }

    @PostConstruct
    void load() {
        if (config.demoUsers()) {
            use(read(resource(DEMO_USERS), DEMO_USERS).stream()
                    .collect(Collectors.toMap(account -> key(account.username()), Function.identity())));
        }
    }

    /** Usernames are found whatever their case. */
    @Override
    protected String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    @Override
    protected String secretHash(UserAccount account) {
        return account.passwordHash();
    }
}
