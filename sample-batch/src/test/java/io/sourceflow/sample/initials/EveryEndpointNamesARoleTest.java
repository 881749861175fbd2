package io.sourceflow.sample.initials;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.sample.tokens.ResourceRoles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every endpoint this WAR adds to the sample names the role it needs. */
class EveryEndpointNamesARoleTest {

    @Test
    void everyResourceMethodNamesARole() {
        List<Class<?>> resources = ResourceRoles.resources(Path.of("target/classes"), getClass().getClassLoader());

        assertThat(resources).contains(InitialsResource.class);
        assertThat(ResourceRoles.unguarded(resources)).isEmpty();
    }
}
