package dev.tribune;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs every test of a class once per database (SQLite, then PostgreSQL). The class declares a
 * {@code @Parameter TestDatabase} field and starts its server in a static
 * {@code @BeforeParameterizedClassInvocation} method; see {@link TestTribune}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@MethodSource("dev.tribune.TestDatabase#selected")
public @interface OnEveryDatabase {}
