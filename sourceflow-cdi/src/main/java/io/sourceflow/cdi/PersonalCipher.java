package io.sourceflow.cdi;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts one JSON value with AES-GCM (the JDK's own provider): a fresh 96-bit nonce per value, a
 * 128-bit tag, the subject's identifier as associated data (a value moved to another subject does
 * not decrypt). The sealed form is the JSON object {@code {"sourceflow:personal":"1.<base64 of nonce
 * and ciphertext>"}}, which no string, number or list a field holds is mistaken for.
 */
final class PersonalCipher {

    /** The one member of a sealed value. */
    static final String MARK = "sourceflow:personal";
    private static final String VERSION = "1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final JsonProvider json;

    PersonalCipher(JsonProvider json) {
        this.json = json;
    }

    /** Whether the value is a sealed one. */
    static boolean isSealed(JsonValue value) {
        return value instanceof JsonObject object && object.size() == 1 && object.get(MARK) instanceof JsonString;
    }

    JsonObject seal(JsonValue plain, SecretKey key, String subject) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, subject);
        byte[] sealed = cipher.doFinal(write(plain).getBytes(StandardCharsets.UTF_8));
        byte[] both = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        return json.createObjectBuilder().add(MARK, VERSION + Base64.getEncoder().encodeToString(both)).build();
    }

    /**
     * The plain value of a sealed one.
     *
     * @throws GeneralSecurityException when it does not decrypt (another key or subject, altered)
     * @throws IllegalArgumentException when it is not in the sealed form
     */
    JsonValue open(JsonValue sealed, SecretKey key, String subject) throws GeneralSecurityException {
        String text = ((JsonObject) sealed).getString(MARK);
        if (!text.startsWith(VERSION)) {
            throw new IllegalArgumentException("its sealed form is of an unknown version");
        }
        byte[] both = Base64.getDecoder().decode(text.substring(VERSION.length()));
        if (both.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("its sealed form is too short");
        }
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(both, NONCE_BYTES), subject);
        byte[] plain = cipher.doFinal(both, NONCE_BYTES, both.length - NONCE_BYTES);
        return json.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8))).readValue();
    }

    /** The value as JSON text. */
    String write(JsonValue value) {
        StringWriter text = new StringWriter();
        try (var writer = json.createWriter(text)) {
            writer.write(value);
        }
        return text.toString();
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String subject) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
