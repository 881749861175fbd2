package io.sourceflow.sample.topology;

import io.sourceflow.spi.DeadLetter;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dead letter as the API shows it.
 *
 * @param id the dead letter's id
 * @param messageId the parked message's id
 * @param destination where it was received from
 * @param type its type alias, when its envelope could be read
 * @param entityId its entity, when its envelope could be read
 * @param body the message body as received
 * @param headers its JMS headers and properties, by name
 * @param error the failure of its last delivery, with causes
 * @param deliveryCount how many times it was delivered
 * @param deadLetteredOn when it was parked (ISO-8601)
 * @param redrivenOn when it was sent again (ISO-8601), or null
 */
public record DeadLetterResponse(String id, String messageId, String destination, String type, String entityId, String body,
        Map<String, String> headers, String error, int deliveryCount, String deadLetteredOn, String redrivenOn) {

    /**
     * @param letter the stored dead letter
     * @return its API form
     */
    public static DeadLetterResponse of(DeadLetter letter) {
        return new DeadLetterResponse(letter.id(), letter.messageId(), letter.destination(), letter.typeAlias(),
                letter.entityId(), letter.body(), new TreeMap<>(letter.headers()), letter.error(), letter.deliveryCount(),
                letter.deadLetteredOn().toString(), letter.redrivenOn() == null ? null : letter.redrivenOn().toString());
    }
}
