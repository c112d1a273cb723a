package com.upward.gateway;

import io.quarkus.test.common.QuarkusTestResource;

/** The gateway owns no database and no topic: its tests need only the stand-in service. */
@QuarkusTestResource(value = StandInServiceResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
