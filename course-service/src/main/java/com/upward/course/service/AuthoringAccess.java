package com.upward.course.service;

import com.upward.course.config.CourseConfig;
import com.upward.platform.web.errors.AccessDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Who may write the catalogue: authors of the configured content organisation, and nobody else. */
@ApplicationScoped
public class AuthoringAccess {

    @Inject
    CourseConfig config;

    public void requireContentOrganisation(String orgId) {
        if (!config.authoringOrganisation().equals(orgId)) {
            throw new AccessDeniedException("Courses are written by the authors of the platform's content organisation; "
                    + "this token's organisation is not it.");
        }
    }
}
