package io.sourceflow.jms;

import io.sourceflow.MessageFormatException;
import java.util.HashMap;
import java.util.Map;

/**
 * The little JSON the envelope codec needs beyond the {@link io.sourceflow.spi.Serializer}: split
 * an object into the exact text of its top-level members (so that the payload can be bound once its
 * type is known, without parsing it twice), read and write a string literal. It checks structure
 * and nesting depth ({@link #MAX_DEPTH}) only; the serializer checks what it binds.
 */
final class Json {

    /**
     * The deepest nesting of objects and arrays a value may have. Deeper JSON is refused before any
     * of it is bound: binding recurses once per level, and a thousand levels overflow its stack.
     */
    static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** The top-level members of a JSON object: name to the value's text, as written. */
    static Map<String, String> members(String text) {
        Json json = new Json(text);
        Map<String, String> members = new HashMap<>(8);
        json.skipWhitespace();
        json.expect('{');
        json.skipWhitespace();
        if (json.peek() == '}') {
            json.pos++;
        } else {
            char separator;
            do {
                json.skipWhitespace();
                String name = json.string();
                json.skipWhitespace();
                json.expect(':');
                json.skipWhitespace();
                int start = json.pos;
                json.value();
                if (members.put(name, text.substring(start, json.pos)) != null) {
                    throw json.error("no second member named '" + name + "'");
                }
                json.skipWhitespace();
                separator = json.next();
            } while (separator == ',');
            if (separator != '}') {
                json.pos--;
                throw json.error("',' or '}'");
            }
        }
        json.end();
        return members;
    }

    /** The value of a JSON string literal, which must be the whole text. */
    static String string(String literal) {
        Json json = new Json(literal);
        json.skipWhitespace();
        String value = json.string();
        json.end();
        return value;
    }

    /** A JSON string literal for the value. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private void value() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                char d = next();
                if (d == '"') {
                    pos--;
                    string();
                } else if (d == '{' || d == '[') {
                    if (++depth > MAX_DEPTH) {
                        throw new MessageFormatException("JSON nested deeper than " + MAX_DEPTH
                                + " levels of objects and arrays, at character " + pos);
                    }
                } else if (d == '}' || d == ']') {
                    depth--;
                }
            } while (depth > 0);
        } else {
            int start = pos;
            while (pos < text.length() && ",}] \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                throw error("a value");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        for (char c = next(); c != '"'; c = next()) {
            if (c == '\\') {
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> value.append(e);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> value.append(unicode());
                    default -> throw error("an escape sequence");
                }
            } else if (c < 0x20) {
                throw error("no control character in a string");
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private char unicode() {
        if (pos + 4 > text.length()) {
            throw error("four hex digits");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw new MessageFormatException("Malformed JSON at character " + pos + ": expected four hex digits", e);
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private void end() {
        skipWhitespace();
        if (pos != text.length()) {
            throw error("the end of the text");
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("more text");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private MessageFormatException error(String expected) {
        return new MessageFormatException("Malformed JSON at character " + pos + ": expected " + expected);
    }
}
