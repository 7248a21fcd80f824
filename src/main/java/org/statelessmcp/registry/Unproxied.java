package org.statelessmcp.registry;

import jakarta.enterprise.inject.Stereotype;
import jakarta.inject.Singleton;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean of the machinery on a request's path: one instance, injected as itself. An {@code @ApplicationScoped} bean
 * is reached through a client proxy that looks its instance up at every call, which a dozen calls a request make
 * measurable (≈ 1.6 µs on Payara, {@code bench/analysis.md}). {@code @Singleton} alone is not a bean-defining
 * annotation, so a WAR discovering beans by annotation would not find the class (WildFly does not; Payara does):
 * this stereotype is one, and gives the scope.
 *
 * <pre>{@code
 * @Unproxied
 * public class RateLimiter {
 *     @Inject
 *     public RateLimiter(SecurityConfig config) { ... }
 * }
 * }</pre>
 */
@Stereotype
@Singleton
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Unproxied {
}
