package io.sourceflow.sample.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client's side of the sample servers' HTTPS: an {@link SSLContext} that trusts the build's test certificate
 * ({@link TestKeys#TLS_CERTIFICATE}) and nothing else, so a test that connects through it proves the server
 * presented that certificate, valid for the address it called.
 */
public final class Tls {

    private Tls() {
    }

    /**
     * Trusts the certificate of the build's folder ({@code sample.jwt.keys}, by default {@code target/jwt}).
     *
     * @return the context
     */
    public static SSLContext ofBuild() {
        return trusting(TestKeys.ofBuild());
    }

    /**
     * Trusts the certificate of a folder.
     *
     * @param folder where {@link TestKeys} made it
     * @return the context
     * @throws IllegalStateException when the folder has no certificate
     */
    public static SSLContext trusting(Path folder) {
        Path pem = folder.resolve(TestKeys.TLS_CERTIFICATE);
        if (!Files.isRegularFile(pem)) {
            throw new IllegalStateException("No test certificate in " + folder.toAbsolutePath() + ": the build of a module"
                    + " that starts sample servers makes it in its target/jwt (sample-tokens' TestKeys)");
        }
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("sourceflow-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the test certificate " + pem.toAbsolutePath(), e);
        }
    }
}
