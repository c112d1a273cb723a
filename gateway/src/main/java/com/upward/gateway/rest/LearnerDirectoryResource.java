package com.upward.gateway.rest;

import com.upward.gateway.identity.UserAccount;
import com.upward.gateway.identity.UserDirectory;
import com.upward.platform.web.CurrentUser;
import com.upward.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The learners of the admin's own organisation, from the identity the gateway holds (the local issuer's users), so an
 * admin picks learners by name or username instead of typing ids. The organisation is the token's, never a parameter.
 * With an external identity provider the gateway holds no directory and the list is empty.
 */
@Path("/api/v1/admin/learners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Reports")
public class LearnerDirectoryResource {

    /** One learner: the id assignments and reports use, the name and the username (the sign-in, an e-mail-like name). */
    public record Learner(String id, String name, String username) {
    }

    public record Learners(List<Learner> items) {
    }

    @Inject
    UserDirectory users;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The learners of your organisation, by name; q filters on name or username (admin)")
    public Learners learners(@QueryParam("q") @Size(max = 100) String q) {
        String org = currentUser.orgId();
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return new Learners(users.all().stream()
                .filter(account -> org.equals(account.org()) && account.roles().contains(Roles.LEARNER))
                .filter(account -> needle.isEmpty() || matches(account, needle))
                .sorted(Comparator.comparing(UserAccount::name, String.CASE_INSENSITIVE_ORDER))
                .map(account -> new Learner(account.id(), account.name(), account.username()))
                .toList());
    }

    private static boolean matches(UserAccount account, String needle) {
        return account.name().toLowerCase(Locale.ROOT).contains(needle) || account.username().toLowerCase(Locale.ROOT).contains(needle);
    }
}
