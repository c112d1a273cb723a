package com.upward.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The id of a course, lesson, module, quiz or question: 1-80 lowercase letters, digits or dashes. One pattern
 * for every path, query and body; loaders check content files with {@link #PATTERN}. Null passes (use
 * {@code @NotNull} where an id is required).
 */
@Documented
@Pattern(regexp = Slug.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Slug {

    String PATTERN = "[a-z0-9-]{1,80}";

    String message() default "must be 1-80 lowercase letters, digits or dashes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
