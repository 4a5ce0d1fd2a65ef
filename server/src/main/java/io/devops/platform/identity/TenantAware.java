package io.devops.platform.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller (or one of its methods) that tenant users may call, because its module limits
 * what it answers and changes to the caller's {@link TenantScope}, or because it serves the global
 * catalog read-only. Every other endpoint refuses tenant users ({@link TenantAwareEndpoints}), so an
 * endpoint added later without scoping is closed to them until someone scopes it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantAware {
}
