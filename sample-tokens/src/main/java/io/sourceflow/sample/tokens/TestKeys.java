package io.sourceflow.sample.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * The RSA key pair of one build's sample servers, in a folder (the build's {@code target/jwt}): {@code public.pem}
 * (X.509, what the servers verify tokens with, {@code mp.jwt.verify.publickey.location}) and {@code private.pem}
 * (PKCS #8, what {@link Tokens} signs with). Made when missing, kept when present, so servers started earlier in a
 * build still accept the tokens; never committed: a clean build makes a new pair.
 *
 * <p>Beside them, {@code server.env} with two random secrets: {@code keystore_password}, the password an Open Liberty
 * test server encrypts its own keys with (application security needs one; {@code server create} writes such a file,
 * but a server folder a build fills before it creates the server gets none), and {@code messaging_password}, the
 * password of the servers' messaging account (Liberty's configuration variable {@code messaging.password}: on the
 * messaging engine, on a server connecting to it and on an Artemis broker). A module copies it into its servers'
 * configuration.
 *
 * <p>And the servers' test certificate for HTTPS: {@code tls.p12} (PKCS #12, a 2048-bit RSA key and its self-signed
 * certificate for {@code localhost} and {@code 127.0.0.1}, encrypted with that {@code keystore_password}) and
 * {@code tls.pem} (the certificate alone, what clients trust: {@code curl --cacert}, {@link Tls}) and {@code trust.p12}
 * (the certificate alone in a PKCS #12 trust store with the keystore password, what a messaging client trusts). Made
 * by the JDK's {@code keytool}. {@code server.properties} holds the same secrets as the system properties a WildFly
 * server loads with {@code --properties}: {@code sourceflow.tls.keystore}, {@code sourceflow.tls.password},
 * {@code sourceflow.messaging.password}, {@code sourceflow.messaging.truststore} and its {@code .password}.
 */
public final class TestKeys {

    /** The file of the public key. */
    public static final String PUBLIC_KEY = "public.pem";
    /** The file of the private key. */
    public static final String PRIVATE_KEY = "private.pem";
    /** The Liberty server environment with the keystore password. */
    public static final String SERVER_ENV = "server.env";
    /** The servers' TLS key and certificate. */
    public static final String TLS_KEYSTORE = "tls.p12";
    /** The servers' TLS certificate, for clients to trust. */
    public static final String TLS_CERTIFICATE = "tls.pem";
    /** The certificate alone, as a PKCS #12 trust store, for messaging clients. */
    public static final String TRUST_STORE = "trust.p12";
    /** The secrets as system properties, for a WildFly server ({@code --properties}). */
    public static final String SERVER_PROPERTIES = "server.properties";

    private static final String KEYSTORE_PASSWORD = "keystore_password";
    private static final String MESSAGING_PASSWORD = "messaging_password";

    private static final Logger LOG = Logger.getLogger(TestKeys.class.getName());
    private static final int KEY_SIZE = 2048;

    private TestKeys() {
    }

    /**
     * The folder of the module being built: {@code sample.jwt.keys}, by default {@code target/jwt} (a test's working
     * directory is its module's).
     *
     * @return the folder
     */
    public static Path ofBuild() {
        return Path.of(System.getProperty("sample.jwt.keys", "target/jwt"));
    }

    /**
     * Makes the pair in a folder unless both files are there.
     *
     * @param args the folder
     * @throws IOException when a file cannot be written
     * @throws GeneralSecurityException when the JDK has no RSA
     */
    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TestKeys FOLDER");
        }
        ensure(Path.of(args[0]));
    }

    /**
     * Makes the pair in a folder unless both files are there.
     *
     * @param folder where the two files are
     * @throws IOException when a file cannot be written
     * @throws GeneralSecurityException when the JDK has no RSA
     */
    public static void ensure(Path folder) throws IOException, GeneralSecurityException {
        Files.createDirectories(folder);
        if (!Files.isRegularFile(folder.resolve(SERVER_ENV)) || secret(folder, MESSAGING_PASSWORD) == null) {
            // new passwords (or an older build's file without the messaging one): what an earlier password
            // encrypted is made again with the new one
            for (String made : new String[] {TLS_KEYSTORE, TLS_CERTIFICATE, TRUST_STORE, SERVER_PROPERTIES}) {
                Files.deleteIfExists(folder.resolve(made));
            }
            write(folder.resolve(SERVER_ENV), KEYSTORE_PASSWORD + "=" + random() + "\n" + MESSAGING_PASSWORD + "=" + random() + "\n",
                    true);
        }
        if (!Files.isRegularFile(folder.resolve(TRUST_STORE))) {
            certificate(folder, keystorePassword(folder));
        }
        if (!Files.isRegularFile(folder.resolve(SERVER_PROPERTIES))) {
            write(folder.resolve(SERVER_PROPERTIES), "sourceflow.tls.keystore=" + folder.resolve(TLS_KEYSTORE).toAbsolutePath()
                    + "\nsourceflow.tls.password=" + keystorePassword(folder)
                    + "\nsourceflow.messaging.password=" + messagingPassword(folder)
                    + "\nsourceflow.messaging.truststore=" + folder.resolve(TRUST_STORE).toAbsolutePath()
                    + "\nsourceflow.messaging.truststore.password=" + keystorePassword(folder) + "\n", true);
        }
        if (Files.isRegularFile(folder.resolve(PUBLIC_KEY)) && Files.isRegularFile(folder.resolve(PRIVATE_KEY))) {
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_SIZE);
        KeyPair pair = generator.generateKeyPair();
        write(folder.resolve(PRIVATE_KEY), "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
        write(folder.resolve(PUBLIC_KEY), "PUBLIC KEY", pair.getPublic().getEncoded(), false);
        LOG.info(() -> "New test key pair in " + folder);
    }

    /**
     * Reads the private key of a folder's pair.
     *
     * @param folder where the pair is
     * @return the private key
     * @throws IOException when the file cannot be read
     * @throws GeneralSecurityException when it holds no RSA private key
     */
    public static PrivateKey privateKey(Path folder) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(folder.resolve(PRIVATE_KEY))) {
            throw new IllegalStateException("No test key in " + folder.toAbsolutePath() + ": the build of a module that starts"
                    + " sample servers makes it in its target/jwt (sample-tokens' TestKeys, phase generate-resources);"
                    + " name that folder");
        }
        String pem = Files.readString(folder.resolve(PRIVATE_KEY));
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /**
     * The password of the folder's keystores ({@code keystore_password} in its {@code server.env}).
     *
     * @param folder the folder
     * @return the password
     * @throws IOException when the file cannot be read
     */
    public static String keystorePassword(Path folder) throws IOException {
        return required(folder, KEYSTORE_PASSWORD);
    }

    /**
     * The password of the servers' messaging account ({@code messaging_password} in the folder's {@code server.env}).
     *
     * @param folder the folder
     * @return the password
     * @throws IOException when the file cannot be read
     */
    public static String messagingPassword(Path folder) throws IOException {
        return required(folder, MESSAGING_PASSWORD);
    }

    private static String required(Path folder, String name) throws IOException {
        String value = secret(folder, name);
        if (value == null) {
            throw new IllegalStateException("No " + name + " in " + folder.resolve(SERVER_ENV).toAbsolutePath());
        }
        return value;
    }

    /** A line {@code name=value} of the folder's server.env, or null when the file or the line is missing. */
    private static String secret(Path folder, String name) throws IOException {
        if (!Files.isRegularFile(folder.resolve(SERVER_ENV))) {
            return null;
        }
        for (String line : Files.readAllLines(folder.resolve(SERVER_ENV))) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    private static String random() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The TLS keystore, its certificate in PEM and the trust store, by the JDK's keytool (the JDK has no API that signs certificates). */
    private static void certificate(Path folder, String password) throws IOException {
        Path keystore = folder.resolve(TLS_KEYSTORE);
        Files.deleteIfExists(keystore);
        keytool("-genkeypair", "-alias", "sourceflow", "-keyalg", "RSA", "-keysize", Integer.toString(KEY_SIZE),
                "-validity", "825", "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass:env", "SOURCEFLOW_TLS_PASSWORD", password);
        Path pem = folder.resolve(TLS_CERTIFICATE + ".part");
        keytool("-exportcert", "-rfc", "-alias", "sourceflow", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass:env", "SOURCEFLOW_TLS_PASSWORD", "-file", pem.toString(), password);
        if (Files.getFileStore(keystore).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(pem, folder.resolve(TLS_CERTIFICATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path trust = folder.resolve(TRUST_STORE + ".part");
        Files.deleteIfExists(trust);
        keytool("-importcert", "-noprompt", "-alias", "sourceflow", "-file", folder.resolve(TLS_CERTIFICATE).toString(),
                "-storetype", "PKCS12", "-keystore", trust.toString(), "-storepass:env", "SOURCEFLOW_TLS_PASSWORD", password);
        Files.move(trust, folder.resolve(TRUST_STORE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info(() -> "New test TLS certificate in " + folder);
    }

    /** Runs keytool with the arguments before the last; the last is the store password, passed in its environment. */
    private static void keytool(String... argumentsAndPassword) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(argumentsAndPassword).subList(0, argumentsAndPassword.length - 1));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOURCEFLOW_TLS_PASSWORD", argumentsAndPassword[argumentsAndPassword.length - 1]);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool " + command.get(1) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while keytool ran", e);
        }
    }

    private static void write(Path file, String label, byte[] der, boolean secret) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        write(file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n", secret);
    }

    /** Writes a file whole; a secret one readable by its owner only, where the file system has POSIX permissions. */
    private static void write(Path file, String text, boolean secret) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(partial, text);
        if (secret && Files.getFileStore(partial).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
