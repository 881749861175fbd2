package io.sourceflow.spi;

/**
 * Text that came from outside (a message on the wire, a request) made safe for a log line or a
 * database column. A log line shows control characters and unpaired surrogates escaped as
 * {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}, so a forged id cannot start a line
 * of its own, and is cut after {@value #LOG_LENGTH} characters. A stored value holds no NUL and no
 * unpaired surrogate (PostgreSQL refuses the first and silently changes the second), each replaced
 * by U+FFFD, and fits its column.
 */
public final class SafeText {

    /** Characters of outside text a log line shows at most. */
    public static final int LOG_LENGTH = 300;

    private static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /**
     * The text as a log line or an exception message may show it.
     *
     * @param raw the outside text, possibly null
     * @return the text escaped and cut, {@code "null"} for null
     */
    public static String forLog(CharSequence raw) {
        return forLog(raw, LOG_LENGTH);
    }

    /**
     * The text as a log line may show it, cut after {@code max} characters (for a longer reason that
     * holds outside text, such as an exception's message).
     *
     * @param raw the outside text, possibly null
     * @param max how many characters of it to show
     * @return the text escaped and cut, {@code "null"} for null
     */
    public static String forLog(CharSequence raw, int max) {
        if (raw == null) {
            return "null";
        }
        int shown = Math.min(raw.length(), max);
        StringBuilder text = new StringBuilder(shown + 16);
        for (int i = 0; i < shown; i++) {
            char c = raw.charAt(i);
            if (c == '\n') {
                text.append("\\n");
            } else if (c == '\r') {
                text.append("\\r");
            } else if (c == '\t') {
                text.append("\\t");
            } else if (Character.isISOControl(c) || isUnpaired(raw, i)) {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        if (raw.length() > shown) {
            text.append("...(").append(raw.length() - shown).append(" more characters)");
        }
        return text.toString();
    }

    /**
     * The text as a database column can hold it.
     *
     * @param raw the outside text, possibly null
     * @param maxLength the column's length in characters
     * @return null for null; else the text without NUL or unpaired surrogates, cut to {@code maxLength}
     */
    public static String storable(String raw, int maxLength) {
        if (raw == null) {
            return null;
        }
        String cut = raw.length() > maxLength ? raw.substring(0, maxLength) : raw;
        if (cut.length() > 0 && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        StringBuilder text = null;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c == '\0' || isUnpaired(cut, i)) {
                if (text == null) {
                    text = new StringBuilder(cut);
                }
                text.setCharAt(i, REPLACEMENT);
            }
        }
        return text == null ? cut : text.toString();
    }

    /**
     * Whether the text is well-formed UTF-16: no surrogate without its partner.
     *
     * @param text the text
     * @return true when every surrogate is paired
     */
    public static boolean isWellFormed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnpaired(text, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnpaired(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
