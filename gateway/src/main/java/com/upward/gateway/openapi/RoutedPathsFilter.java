package com.upward.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.upward.gateway.config.GatewayConfig;
import com.upward.gateway.routing.ServiceRoutes;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes /q/openapi (and so Swagger UI) one document for the whole public API: the gateway's own generated
 * document merged with the routed paths of each service's generated document. It runs on every request, on a
 * fresh copy of the gateway's model, so a service whose document arrived late appears from then on.
 */
@ApplicationScoped
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class RoutedPathsFilter implements OASFilter {

    @Inject
    ServiceDocuments documents;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        try {
            ObjectNode own = (ObjectNode) mapper.readTree(builder().withInitialModel(openAPI).build().toJSON());
            ObjectNode merged = OpenApiMerge.merge(own, documents.current(), ServiceRoutes.of(config));
            byte[] json = mapper.writeValueAsBytes(merged);
            OpenAPI model = builder().withCustomStaticFile(() -> new ByteArrayInputStream(json)).build().model();
            openAPI.setPaths(model.getPaths());
            openAPI.setComponents(model.getComponents());
            openAPI.setTags(model.getTags());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SmallRye's reader and writer alone: no scanning, no static files, no filters. */
    private static SmallRyeOpenAPI.Builder builder() {
        return SmallRyeOpenAPI.builder()
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableAnnotationScan(false)
                .enableStandardFilter(false);
    }
}
