package io.sourceflow.sample.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.sample.tokens.ResourceRoles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every endpoint of the sample names the role it needs: a new one cannot be added unguarded. */
class EveryEndpointNamesARoleTest {

    @Test
    void everyResourceMethodNamesARole() {
        List<Class<?>> resources = ResourceRoles.resources(Path.of("target/classes"), getClass().getClassLoader());

        assertThat(resources).contains(AccountResource.class, ReplayJobResource.class);
        assertThat(ResourceRoles.unguarded(resources)).isEmpty();
    }
}
