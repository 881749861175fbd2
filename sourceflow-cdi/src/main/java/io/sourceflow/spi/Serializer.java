package io.sourceflow.spi;

/**
 * Turns payloads and metadata into text and back, for stores and transports that write JSON.
 */
public interface Serializer {

    /**
     * Writes a value.
     *
     * @param value the value
     * @return its text form
     */
    String serialize(Object value);

    /**
     * Reads a value.
     *
     * @param text the text form
     * @param type the expected class
     * @param <T> the type
     * @return the value
     * @throws io.sourceflow.MessageFormatException when the text does not fit the type
     */
    <T> T deserialize(String text, Class<T> type);
}
