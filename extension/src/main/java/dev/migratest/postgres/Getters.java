package dev.migratest.postgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Public no-argument methods of an object whose class migratest does not compile against (a Testcontainers container
 * of either line, a connection pool's DataSource), found by name and called reflectively. A method is called through
 * a public type that declares it, so an anonymous or package-private subclass (a container set up in an initializer
 * block) works without opening anything.
 */
final class Getters {
    private final Object target;

    Getters(Object target) {
        this.target = target;
    }

    /** The first of {@code names} the object has, as a public method without parameters. */
    Optional<Method> first(String... names) {
        for (String name : names) {
            Optional<Method> method = find(target.getClass(), name);
            if (method.isPresent()) return method;
        }
        return Optional.empty();
    }

    /**
     * Calls {@code method}; what it throws becomes an {@link IllegalStateException} naming the method and the cause
     * (masked: a getter's failure may quote a URL).
     */
    Object call(Method method) {
        try {
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(method.getName() + "() of " + target.getClass().getName() + " failed: "
                    + ServerAddress.mask(cause.getClass().getSimpleName() + ": " + cause.getMessage()), cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("migratest may not call " + method.getName() + "() of "
                    + target.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code type} or one of its superclasses has {@code className}, compared by name. */
    static boolean isA(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) return true;
        }
        return false;
    }

    /** The method as declared by a public class or interface of the hierarchy, or accessible where it is declared. */
    private static Optional<Method> find(Class<?> type, String name) {
        Method found;
        try {
            found = type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        if (Modifier.isStatic(found.getModifiers())) return Optional.empty();
        if (Modifier.isPublic(found.getDeclaringClass().getModifiers())) return Optional.of(found);
        Deque<Class<?>> types = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        types.add(type);
        while (!types.isEmpty()) {
            Class<?> c = types.poll();
            if (!seen.add(c)) continue;
            if (Modifier.isPublic(c.getModifiers())) {
                try {
                    Method m = c.getMethod(name);
                    if (Modifier.isPublic(m.getDeclaringClass().getModifiers())) return Optional.of(m);
                } catch (NoSuchMethodException notHere) {
                    // a public supertype that does not have it: look further up
                }
            }
            if (c.getSuperclass() != null) types.add(c.getSuperclass());
            types.addAll(List.of(c.getInterfaces()));
        }
        // only a non-public class declares it (a test's own bean): callable where the class path is not modular
        return found.trySetAccessible() ? Optional.of(found) : Optional.empty();
    }
}
