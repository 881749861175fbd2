package io.sourceflow.sample.tokens;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs MicroProfile JWT tokens with a folder's test key ({@link TestKeys}): issuer {@value #ISSUER}, the subject as
 * {@code sub} and {@code upn}, the roles as {@code groups}, valid for twelve hours.
 *
 * <pre>
 * Tokens tokens = Tokens.from(Path.of("target/jwt"));
 * String holder = tokens.bearer("alice", "account-holder");   // "Bearer eyJ..."
 * </pre>
 *
 * From a shell: {@code mvn -q -pl sample-tokens exec:java -Dexec.args="sample-war/target/jwt alice account-holder"}
 * prints a token.
 */
public final class Tokens {

    /** The issuer the sample servers accept ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "sourceflow-sample";
    /** The role of an account's holder: commands and reads of accounts. */
    public static final String HOLDER = "account-holder";
    /** The role of an operator: history, replay, replay jobs, dead letters. */
    public static final String ADMIN = "sourceflow-admin";

    private static final long HOURS_VALID = 12;

    private final PrivateKey key;

    private Tokens(PrivateKey key) {
        this.key = key;
    }

    /**
     * Signs with a folder's private key.
     *
     * @param folder the folder of {@link TestKeys}
     * @return the signer
     * @throws IllegalStateException naming the folder when it holds no key pair
     */
    public static Tokens from(Path folder) {
        try {
            return new Tokens(TestKeys.privateKey(folder));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("No test key in " + folder, e);
        }
    }

    /**
     * Signs with the key pair of the module being built: the folder {@code sample.jwt.keys}, by default
     * {@code target/jwt} (a test's working directory is its module's).
     *
     * @return the signer
     */
    public static Tokens ofBuild() {
        return from(TestKeys.ofBuild());
    }

    /**
     * The {@code Authorization} header value the integration tests send by default: caller {@code it} with both
     * roles, signed with {@link #ofBuild()}.
     *
     * @return {@code "Bearer " + token}
     */
    public static String everyRole() {
        return ofBuild().bearer("it", HOLDER, ADMIN);
    }

    /**
     * A signed token.
     *
     * @param subject the caller's name ({@code sub}, {@code upn})
     * @param roles its roles ({@code groups}), none for a caller with no role
     * @return the compact token
     */
    public String token(String subject, String... roles) {
        return sign(claims(Instant.now(), HOURS_VALID, subject, roles));
    }

    /**
     * A signed token that expired an hour ago (issued two hours ago): a server refuses it.
     *
     * @param subject the caller's name
     * @param roles its roles
     * @return the compact token
     */
    public String expired(String subject, String... roles) {
        return sign(claims(Instant.now().minus(Duration.ofHours(2)), 1, subject, roles));
    }

    private static JwtClaims claims(Instant issued, long hoursValid, String subject, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(roles));
        claims.setIssuedAt(NumericDate.fromSeconds(issued.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(issued.plus(Duration.ofHours(hoursValid)).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(key);
        signature.setHeader("typ", "JWT");
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /**
     * A signed token as the value of an {@code Authorization} header.
     *
     * @param subject the caller's name
     * @param roles its roles
     * @return {@code "Bearer " + token}
     */
    public String bearer(String subject, String... roles) {
        return "Bearer " + token(subject, roles);
    }

    /**
     * Prints a token.
     *
     * @param args the key folder, the subject, then its roles
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: Tokens KEY_FOLDER SUBJECT [ROLE...]");
        }
        System.out.println(from(Path.of(args[0])).token(args[1], Arrays.copyOfRange(args, 2, args.length)));
    }
}
