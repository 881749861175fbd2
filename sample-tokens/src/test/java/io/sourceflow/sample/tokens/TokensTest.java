package io.sourceflow.sample.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    @TempDir
    Path folder;

    @Test
    void aTokenVerifiesWithThePublicKeyFileAndCarriesSubjectIssuerAndGroups() throws Exception {
        TestKeys.ensure(folder);
        String token = Tokens.from(folder).token("alice", Tokens.HOLDER, Tokens.ADMIN);

        JwtClaims claims = consumer(folder).processToClaims(token);

        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo("alice");
        assertThat(claims.getIssuer()).isEqualTo("sourceflow-sample");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("account-holder", "sourceflow-admin");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(12 * 3600);
        assertThat(Files.readString(folder.resolve("public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        TestKeys.ensure(folder);
        String token = Tokens.from(folder).expired("carol", Tokens.HOLDER);

        assertThatThrownBy(() -> consumer(folder).processToClaims(token)).isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("no longer valid");
    }

    @Test
    void anExistingPairIsKeptAndAnotherFoldersKeyIsRefused(@TempDir Path other) throws Exception {
        TestKeys.ensure(folder);
        String before = Files.readString(folder.resolve("public.pem"));
        String token = Tokens.from(folder).token("bob");

        assertThat(Files.readString(folder.resolve("public.pem"))).isEqualTo(before);
        TestKeys.ensure(other);
        assertThatThrownBy(() -> consumer(other).processToClaims(token)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void aFolderWithoutAKeyIsNamedNotFilledAndTheSecretsAreTheOwnersAlone(@TempDir Path empty) throws Exception {
        assertThatThrownBy(() -> Tokens.from(empty)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(empty.toAbsolutePath().toString());
        assertThat(empty).isEmptyDirectory();

        TestKeys.ensure(folder);
        assertThat(Files.getPosixFilePermissions(folder.resolve("private.pem"))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(folder.resolve("server.env"))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(folder.resolve("server.env")))
                .matches("keystore_password=[A-Za-z0-9_-]{32}\nmessaging_password=[A-Za-z0-9_-]{32}\n");
        assertThat(TestKeys.messagingPassword(folder)).isNotEqualTo(TestKeys.keystorePassword(folder));
        assertThat(Files.readString(folder.resolve(TestKeys.SERVER_PROPERTIES)))
                .contains("sourceflow.messaging.password=" + TestKeys.messagingPassword(folder) + "\n");
    }

    private static JwtConsumer consumer(Path folder) throws Exception {
        String pem = Files.readString(folder.resolve("public.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer("sourceflow-sample")
                .setRequireExpirationTime().setRequireSubject().build();
    }
}
