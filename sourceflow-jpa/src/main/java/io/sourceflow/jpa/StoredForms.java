package io.sourceflow.jpa;

import io.sourceflow.MessageFormatException;
import io.sourceflow.NewerRevisionException;
import io.sourceflow.UnknownMessageTypeException;
import io.sourceflow.UpcastingException;
import io.sourceflow.spi.MessageTypes;
import io.sourceflow.spi.StoredForm;

/**
 * Brings a stored form to its type's current revision, and names the row it came from in any
 * failure, keeping the failure's kind (newer revision, unknown alias, failed upcaster, bad JSON).
 */
final class StoredForms {

    private StoredForms() {
    }

    /**
     * @param what how the failure's message starts: "Cannot read ..." naming the row
     */
    static StoredForm current(MessageTypes types, StoredForm stored, String what) {
        try {
            return types.current(stored);
        } catch (NewerRevisionException e) {
            throw new NewerRevisionException(what + e.getMessage(), e);
        } catch (UnknownMessageTypeException e) {
            throw new UnknownMessageTypeException(what + e.getMessage(), e);
        } catch (UpcastingException e) {
            throw new UpcastingException(what + e.getMessage(), e);
        } catch (MessageFormatException e) {
            throw new MessageFormatException(what + e.getMessage(), e);
        }
    }
}
