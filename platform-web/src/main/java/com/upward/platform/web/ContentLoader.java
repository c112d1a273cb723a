package com.upward.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.List;

/**
 * Loads the content files kept in the repository (the course files, the question banks) into a service's
 * database at start: each file is read from the class path, parsed strictly (an unknown property fails it) and
 * stored with its SHA-256, so a file already loaded with the same content is left alone. A file that cannot be
 * read or parsed stops the service. A service's loader names its files and stores one parsed document.
 *
 * @param <D> the file's document
 * @param <R> what storing it answers
 */
public abstract class ContentLoader<D, R> {

    @Inject
    protected ObjectMapper mapper;

    private final String what;
    private final Class<D> type;
    private final String notValid;
    private final DeserializationFeature[] features;

    /**
     * @param what     names a file in errors ("Course file", "Question bank")
     * @param notValid what a file that does not parse is said to be not ("a valid course")
     * @param features turned on besides {@link DeserializationFeature#FAIL_ON_UNKNOWN_PROPERTIES}
     */
    protected ContentLoader(String what, Class<D> type, String notValid, DeserializationFeature... features) {
        this.what = what;
        this.type = type;
        this.notValid = notValid;
        this.features = features;
    }

    /** The class path locations loaded at start, in order. */
    protected abstract List<String> files();

    /** Stores a parsed document whose file has this SHA-256. */
    protected abstract R store(D document, String sha256, String location);

    public void onStart(@Observes StartupEvent event) {
        files().forEach(this::load);
    }

    public R load(String classpathLocation) {
        ContentFile file = ContentFile.read(classpathLocation, what);
        D document;
        try {
            document = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, features)
                    .readValue(file.bytes(), type);
        } catch (IOException e) {
            throw new IllegalStateException(what + " " + classpathLocation + " is not " + notValid + ": " + e.getMessage(), e);
        }
        return store(document, file.sha256(), classpathLocation);
    }
}
