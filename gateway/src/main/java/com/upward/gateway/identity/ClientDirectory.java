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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integration clients the local issuer knows: the demo client where the local profile turns demo data on,
 * and the clients of the file named by upward.identity.clients-location (production).
 */
@ApplicationScoped
@Startup
public class ClientDirectory {

    private static final String DEMO_CLIENTS = "identity/demo-clients.json";
    // Checked when the client id is unknown, so a wrong id costs as long as a wrong secret.
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-secret", 10);

    @Inject
    IdentityConfig config;

    @Inject
    ObjectMapper mapper;

    private Map<String, ClientAccount> clients = Map.of();

    @PostConstruct
    void load() {
        Map<String, ClientAccount> loaded = new HashMap<>();
        if (config.demoUsers()) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEMO_CLIENTS)) {
                read(in).forEach(client -> loaded.put(client.clientId(), client));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + DEMO_CLIENTS, e);
            }
        }
        config.clientsLocation().ifPresent(location -> {
            try (InputStream in = Files.newInputStream(Path.of(location))) {
                read(in).forEach(client -> loaded.put(client.clientId(), client));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the integration clients at " + location, e);
            }
        });
        clients = Map.copyOf(loaded);
    }

    private List<ClientAccount> read(InputStream in) throws IOException {
        return mapper.readValue(in, new TypeReference<>() {
        });
    }

    /** The client if the secret matches; empty otherwise, without saying which part was wrong. */
    public Optional<ClientAccount> authenticate(String clientId, String secret) {
        ClientAccount client = clients.get(clientId);
        if (client == null) {
            BcryptUtil.matches(secret, DECOY_HASH);
            return Optional.empty();
        }
        return BcryptUtil.matches(secret, client.secretHash()) ? Optional.of(client) : Optional.empty();
    }
}
