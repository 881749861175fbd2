package io.sourceflow.sample.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourceflow.sample.tokens.ResourceRoles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every endpoint the topology WAR adds names the role it needs (the sample's own: sample-war's test). */
class EveryEndpointNamesARoleTest {

    @Test
    void everyResourceMethodNamesARole() {
        List<Class<?>> resources = ResourceRoles.resources(Path.of("target/classes"), getClass().getClassLoader());

        assertThat(resources).contains(DeadLetterResource.class, CommandResource.class);
        assertThat(ResourceRoles.unguarded(resources)).isEmpty();
    }
}
