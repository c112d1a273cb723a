package com.upward.course.rest;

import com.upward.course.service.AuthoringAccess;
import com.upward.platform.web.CurrentUser;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every author API call, after the role check: the token's organisation must be the content organisation. */
public class AuthoringScope {

    @Inject
    AuthoringAccess access;

    @Inject
    CurrentUser user;

    @ServerRequestFilter
    public void requireContentOrganisation(ResourceInfo resource) {
        if (resource.getResourceClass() == AuthorResource.class) {
            access.requireContentOrganisation(user.orgId());
        }
    }
}
