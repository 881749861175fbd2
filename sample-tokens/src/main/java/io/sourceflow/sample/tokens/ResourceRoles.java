package io.sourceflow.sample.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the JAX-RS resource methods of a module that name no role: every class under a classes folder annotated
 * {@code @Path}, every method with an HTTP method annotation ({@code @GET}, {@code @POST}, ...), without
 * {@code @RolesAllowed} or {@code @PermitAll} on itself or its class. A module's test asserts there is none, so that
 * a new endpoint cannot be added unguarded. Annotations are matched by name: no API on this module's classpath.
 */
public final class ResourceRoles {

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final List<String> ROLES = List.of("jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll");

    private ResourceRoles() {
    }

    /**
     * The resource classes under a classes folder.
     *
     * @param classes the folder ({@code target/classes})
     * @param loader a class loader that loads them
     * @return the classes annotated {@code @Path}
     */
    public static List<Class<?>> resources(Path classes, ClassLoader loader) {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false, loader);
                if (has(type, PATH)) {
                    found.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A class of " + classes + " does not load", e);
        }
        return found;
    }

    /**
     * The endpoints that name no role.
     *
     * @param resources the resource classes
     * @return {@code Class#method} of each, empty when every endpoint names one
     */
    public static List<String> unguarded(List<Class<?>> resources) {
        List<String> unguarded = new ArrayList<>();
        for (Class<?> resource : resources) {
            boolean classGuarded = ROLES.stream().anyMatch(role -> has(resource, role));
            for (Method method : resource.getDeclaredMethods()) {
                boolean endpoint = Arrays.stream(method.getAnnotations())
                        .anyMatch(a -> has(a.annotationType(), HTTP_METHOD));
                if (endpoint && !classGuarded && ROLES.stream().noneMatch(role -> has(method, role))) {
                    unguarded.add(resource.getName() + "#" + method.getName());
                }
            }
        }
        return unguarded;
    }

    private static boolean has(AnnotatedElement element, String annotation) {
        for (Annotation present : element.getAnnotations()) {
            if (present.annotationType().getName().equals(annotation)) {
                return true;
            }
        }
        return false;
    }
}
