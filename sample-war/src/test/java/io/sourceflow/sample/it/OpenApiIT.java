package io.sourceflow.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.sample.it.SampleServer.Reply;
import io.sourceflow.sample.rest.AccountResource;
import io.sourceflow.sample.rest.SampleApplication;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's MicroProfile OpenAPI document ({@code /openapi}) describes every path of the API: the
 * paths are read from the resources' own {@code @Path} annotations, so a new endpoint is checked too.
 */
class OpenApiIT {

    @BeforeAll
    static void serverIsReady() {
        SampleServer.awaitReady();
    }

    @Test
    void theDocumentHasEveryPathOfTheApi() {
        Reply reply = SampleServer.get("/openapi?format=JSON");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject document = reply.object();
        assertThat(document.getString("openapi")).startsWith("3.");
        assertThat(document.getJsonObject("paths").keySet()).containsAll(declaredPaths());
        assertThat(document.getJsonObject("paths").getJsonObject("/api/accounts/{id}/deposits").keySet()).contains("post");
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("jwt");
        assertThat(scheme.getString("type")).isEqualTo("http");
        assertThat(scheme.getString("scheme")).isEqualTo("bearer");
        assertThat(document.getJsonObject("paths").getJsonObject("/api/accounts/{id}/deposits").getJsonObject("post")
                .getJsonArray("security").getJsonObject(0).keySet()).containsExactly("jwt");
    }

    /** Every resource method's path, as {@code /api/accounts/{id}/deposits}. */
    private static Set<String> declaredPaths() {
        String root = "/" + SampleApplication.class.getAnnotation(ApplicationPath.class).value();
        Set<String> paths = new TreeSet<>();
        for (Class<?> resource : new Class<?>[] {AccountResource.class}) {
            String base = root + "/" + resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                Path path = method.getAnnotation(Path.class);
                if (path != null || hasHttpMethod(method)) {
                    paths.add(path == null ? base : base + "/" + path.value());
                }
            }
        }
        assertThat(paths).as("the resources declare paths").hasSizeGreaterThanOrEqualTo(8);
        return paths;
    }

    private static boolean hasHttpMethod(Method method) {
        return Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }
}
