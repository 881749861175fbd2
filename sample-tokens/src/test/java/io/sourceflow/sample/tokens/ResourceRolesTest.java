package io.sourceflow.sample.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceRolesTest {

    @Test
    void anEndpointWithoutARoleOnItselfOrItsClassIsFound() {
        List<Class<?>> resources = ResourceRoles.resources(java.nio.file.Path.of("target/test-classes"),
                getClass().getClassLoader());

        assertThat(resources).containsExactlyInAnyOrder(Guarded.class, Mixed.class);
        assertThat(ResourceRoles.unguarded(resources)).containsExactly(Mixed.class.getName() + "#open");
    }

    @Path("guarded")
    @RolesAllowed("a")
    static class Guarded {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("mixed")
    static class Mixed {
        @GET
        @PermitAll
        public String get() {
            return "";
        }

        @POST
        @RolesAllowed("b")
        public String post() {
            return "";
        }

        @POST
        @Path("open")
        public String open() {
            return "";
        }

        String notAnEndpoint() {
            return "";
        }
    }
}
