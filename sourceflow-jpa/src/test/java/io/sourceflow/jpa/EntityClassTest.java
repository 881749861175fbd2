package io.sourceflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code @Version} access of {@link EntityClass} when the version is a property (a getter):
 * its setter is resolved when the entity class is first seen, and a missing one is reported then,
 * not at the first merge.
 */
class EntityClassTest {

    @Test
    void aPropertyVersionIsCopiedThroughItsSetter() {
        // given
        EntityClass entity = new EntityClass(metamodel(PropertyVersioned.class, "version"));
        PropertyVersioned managed = new PropertyVersioned();
        managed.setVersion(7);
        PropertyVersioned detached = new PropertyVersioned();

        // when
        entity.adoptVersion(managed, detached);

        // then
        assertThat(detached.getVersion()).isEqualTo(7);
    }

    @Test
    void aPropertyVersionWhoseSetterIsInheritedIsCopied() {
        // given
        EntityClass entity = new EntityClass(metamodel(InheritedSetter.class, "version"));
        InheritedSetter managed = new InheritedSetter();
        managed.setVersion(3);
        InheritedSetter detached = new InheritedSetter();

        // when
        entity.adoptVersion(managed, detached);

        // then
        assertThat(detached.getVersion()).isEqualTo(3);
    }

    @Test
    void aPropertyVersionWithoutSetterIsRefusedWhenTheClassIsFirstSeen() {
        // given
        EntityType<?> metamodel = metamodel(NoSetter.class, "version");

        // when, then
        assertThatThrownBy(() -> new EntityClass(metamodel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NoSetter.class.getName())
                .hasMessageContaining("'version'")
                .hasMessageContaining("setVersion(long)");
    }

    @Test
    void aPropertyVersionWithASetterOfAnotherTypeIsRefusedWhenTheClassIsFirstSeen() {
        // given
        EntityType<?> metamodel = metamodel(IllTypedSetter.class, "version");

        // when, then
        assertThatThrownBy(() -> new EntityClass(metamodel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(IllTypedSetter.class.getName())
                .hasMessageContaining("'version'")
                .hasMessageContaining("setVersion(java.lang.Integer)");
    }

    @Test
    void aPersonalFieldOfAJpaEntityIsRefused() {
        // given
        EntityType<?> metamodel = metamodel(PersonalColumn.class, "version");

        // when, then
        assertThatThrownBy(() -> new EntityClass(metamodel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(PersonalColumn.class.getName() + ".name is @Personal, but PersonalColumn is a JPA"
                        + " entity, whose columns SourceFlow does not encrypt");
    }

    @Test
    void aFieldVersionIsCopiedDirectly() throws NoSuchFieldException {
        // given
        EntityClass entity = new EntityClass(metamodel(FieldVersioned.class,
                FieldVersioned.class.getDeclaredField("version")));
        FieldVersioned managed = new FieldVersioned();
        managed.version = 5L;
        FieldVersioned detached = new FieldVersioned();

        // when
        entity.adoptVersion(managed, detached);

        // then
        assertThat(detached.version).isEqualTo(5L);
    }

    /** A property-access entity: getter and setter. */
    static class PropertyVersioned {
        private long version;

        public long getVersion() {
            return version;
        }

        public void setVersion(long version) {
            this.version = version;
        }
    }

    /** The setter is declared by a superclass, as a mapped superclass may do. */
    static class VersionHolder {
        long version;

        public void setVersion(long version) {
            this.version = version;
        }
    }

    /** Declares the getter, inherits the setter. */
    static class InheritedSetter extends VersionHolder {
        public long getVersion() {
            return version;
        }
    }

    /** A personal column, which the serializer would never see. */
    static class PersonalColumn extends PropertyVersioned {
        @io.sourceflow.Personal
        String name;
    }

    /** A getter only. */
    static class NoSetter {
        public long getVersion() {
            return 0;
        }
    }

    /** The setter takes another type than the getter returns. */
    static class IllTypedSetter {
        private Integer version;

        public Integer getVersion() {
            return version;
        }

        public void setVersion(long version) {
            this.version = (int) version;
        }
    }

    /** A field-access entity. */
    static class FieldVersioned {
        Long version;
    }

    private static EntityType<?> metamodel(Class<?> type, String property) {
        try {
            Method getter = type.getMethod("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
            return metamodel(type, getter);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The parts of a provider's metamodel that EntityClass reads: a String id and a version attribute. */
    private static EntityType<?> metamodel(Class<?> type, Member versionMember) {
        Type<?> idType = fake(Type.class, (name) -> switch (name) {
            case "getJavaType" -> String.class;
            default -> null;
        });
        SingularAttribute<?, ?> version = fake(SingularAttribute.class, (name) -> switch (name) {
            case "isVersion" -> true;
            case "isId" -> false;
            case "getName" -> "version";
            case "getJavaMember" -> versionMember;
            default -> null;
        });
        return fake(EntityType.class, (name) -> switch (name) {
            case "getJavaType" -> type;
            case "getName" -> type.getSimpleName();
            case "hasSingleIdAttribute", "hasVersionAttribute" -> true;
            case "getIdType" -> idType;
            case "getSingularAttributes" -> Set.of(version);
            default -> null;
        });
    }

    private interface Answers {
        Object answer(String method);
    }

    private static <T> T fake(Class<T> type, Answers answers) {
        return type.cast(Proxy.newProxyInstance(EntityClassTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + " fake";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        Object answer = answers.answer(method.getName());
                        if (answer == null) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        yield answer;
                    }
                }));
    }
}
