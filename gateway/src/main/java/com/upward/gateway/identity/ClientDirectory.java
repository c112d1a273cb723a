package com.upward.gateway.identity;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The integration clients the local issuer knows: the demo client where the local profile turns demo data on,
 * and the clients of the file named by upward.identity.clients-location (production).
 */
@ApplicationScoped
@Startup
public class ClientDirectory extends AccountDirectory<ClientAccount> {

    private static final String DEMO_CLIENTS = "identity/demo-clients.json";

    public ClientDirectory() {
        super(ClientAccount.class);
    }

    @PostConstruct
    void load() {
        Map<String, ClientAccount> loaded = new HashMap<>();
        if (config.demoUsers()) {
            read(resource(DEMO_CLIENTS), DEMO_CLIENTS).forEach(client -> loaded.put(client.clientId(), client));
        }
        config.clientsLocation().ifPresent(location -> {
            InputStream in;
            try {
                in = Files.newInputStream(Path.of(location));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the integration clients at " + location, e);
            }
            read(in, "the integration clients at " + location).forEach(client -> loaded.put(client.clientId(), client));
        });
        use(loaded);
    }

    @Override
    protected String secretHash(ClientAccount client) {
        return client.secretHash();
    }
}
