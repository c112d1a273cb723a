package com.upward.gateway.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;

/**
 * {@code upward.first-instance.<service>}: the first URL of {@code upward.gateway.services.<service>}, which may list
 * several instances. The dashboard's REST clients and the OpenAPI document reader need one URL, and any instance
 * serves the same answers; a property expression cannot take a list's first element, so this interceptor does.
 * Its priority sits below expression expansion (3300), which looks the name up through it, and above profiles
 * (3200), so the list it reads is the active profile's.
 */
@Priority(3250)
public class FirstInstanceUrls implements ConfigSourceInterceptor {

    static final String PREFIX = "upward.first-instance.";
    static final String LISTS = "upward.gateway.services.";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (!name.startsWith(PREFIX)) {
            return context.proceed(name);
        }
        ConfigValue urls = context.proceed(LISTS + name.substring(PREFIX.length()));
        if (urls == null || urls.getValue() == null) {
            return urls;
        }
        String first = urls.getValue().split(",", 2)[0].trim();
        return urls.from().withName(name).withValue(first).build();
    }
}
