package io.sourceflow.rest;

/**
 * Recognises the JMS API's exceptions when the server has the API (a Web Profile server has none),
 * without loading them otherwise.
 */
final class Messaging {

    private static final boolean PRESENT = present();

    private Messaging() {
    }

    /** Whether the exception is the JMS provider's (the messaging system could not take the work). */
    static boolean unavailable(Throwable t) {
        return PRESENT && Jms.is(t);
    }

    private static boolean present() {
        try {
            Class.forName("jakarta.jms.JMSException", false, Messaging.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** Loaded only when the API is there. */
    private static final class Jms {
        static boolean is(Throwable t) {
            return t instanceof jakarta.jms.JMSException || t instanceof jakarta.jms.JMSRuntimeException;
        }
    }
}
