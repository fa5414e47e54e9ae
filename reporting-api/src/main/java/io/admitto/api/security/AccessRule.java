package io.admitto.api.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Who may call a resource method, from its {@code @PermitAll}, {@code @DenyAll} or {@code @RolesAllowed}
 * (the method's annotation wins over its class's). A method with none is {@link Kind#UNDECLARED} and refused
 * like {@code @DenyAll}: a forgotten annotation closes an endpoint instead of opening it.
 *
 * @param roles the role names of {@link Kind#ROLES}, sorted; empty otherwise
 */
public record AccessRule(Kind kind, Set<String> roles)
{
    public enum Kind
    {
        /** {@code @PermitAll}: anyone, signed in or not. */
        PUBLIC,
        /** {@code @RolesAllowed}: signed-in callers with one of the roles. */
        ROLES,
        /** {@code @DenyAll}: nobody. */
        DENIED,
        /** No annotation: nobody, and the server logs the method at start-up. */
        UNDECLARED
    }

    public AccessRule
    {
        requireNonNull(kind, "kind is null");
        roles = Set.copyOf(new TreeSet<>(roles));
        if ((kind == Kind.ROLES) == roles.isEmpty()) {
            throw new IllegalArgumentException("only a ROLES rule names roles, and it names at least one");
        }
    }

    public static AccessRule of(Class<?> resourceClass, Method method)
    {
        AccessRule onMethod = declaredOn(method.getAnnotation(DenyAll.class), method.getAnnotation(PermitAll.class), method.getAnnotation(RolesAllowed.class));
        if (onMethod != null) {
            return onMethod;
        }
        AccessRule onClass = declaredOn(resourceClass.getAnnotation(DenyAll.class), resourceClass.getAnnotation(PermitAll.class),
                resourceClass.getAnnotation(RolesAllowed.class));
        return onClass == null ? new AccessRule(Kind.UNDECLARED, Set.of()) : onClass;
    }

    private static AccessRule declaredOn(DenyAll denyAll, PermitAll permitAll, RolesAllowed rolesAllowed)
    {
        if (denyAll != null) {
            return new AccessRule(Kind.DENIED, Set.of());
        }
        if (rolesAllowed != null) {
            return rolesAllowed.value().length == 0 ? new AccessRule(Kind.DENIED, Set.of()) : new AccessRule(Kind.ROLES, Set.of(rolesAllowed.value()));
        }
        if (permitAll != null) {
            return new AccessRule(Kind.PUBLIC, Set.of());
        }
        return null;
    }

    public boolean isPublic()
    {
        return kind == Kind.PUBLIC;
    }
}
