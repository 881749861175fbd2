package io.sourceflow.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads an OTLP {@code ExportTraceServiceRequest} (protobuf, as OTLP over HTTP sends it) into spans
 * shaped like Zipkin v2 JSON, so that the tests read spans the same way from either exporter. Only
 * what the tests look at: trace, span and parent ids, name, kind, and string, integer, boolean and
 * double attributes as tags.
 */
final class OtlpSpans {

    private static final String[] KINDS = {null, null, "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};

    private OtlpSpans() {
    }

    static List<JsonObject> read(byte[] request) {
        List<JsonObject> spans = new ArrayList<>();
        Reader reader = new Reader(request, 0, request.length);
        while (reader.more()) {
            int field = reader.tag();
            if (field == 1) { // ResourceSpans resource_spans
                Reader resourceSpans = reader.message();
                while (resourceSpans.more()) {
                    if (resourceSpans.tag() == 2) { // ScopeSpans scope_spans
                        Reader scopeSpans = resourceSpans.message();
                        while (scopeSpans.more()) {
                            if (scopeSpans.tag() == 2) { // Span spans
                                spans.add(span(scopeSpans.message()));
                            } else {
                                scopeSpans.skip();
                            }
                        }
                    } else {
                        resourceSpans.skip();
                    }
                }
            } else {
                reader.skip();
            }
        }
        return spans;
    }

    private static JsonObject span(Reader span) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonObjectBuilder tags = Json.createObjectBuilder();
        while (span.more()) {
            switch (span.tag()) {
                case 1 -> json.add("traceId", HexFormat.of().formatHex(span.bytes()));
                case 2 -> json.add("id", HexFormat.of().formatHex(span.bytes()));
                case 4 -> {
                    byte[] parent = span.bytes();
                    if (parent.length > 0) {
                        json.add("parentId", HexFormat.of().formatHex(parent));
                    }
                }
                case 5 -> json.add("name", span.string());
                case 6 -> {
                    int kind = (int) span.varint();
                    if (kind < KINDS.length && KINDS[kind] != null) {
                        json.add("kind", KINDS[kind]);
                    }
                }
                case 9 -> attribute(span.message(), tags);
                default -> span.skip();
            }
        }
        return json.add("tags", tags).build();
    }

    private static void attribute(Reader keyValue, JsonObjectBuilder tags) {
        String key = null;
        String value = null;
        while (keyValue.more()) {
            int field = keyValue.tag();
            if (field == 1) {
                key = keyValue.string();
            } else if (field == 2) {
                Reader any = keyValue.message();
                while (any.more()) {
                    switch (any.tag()) {
                        case 1 -> value = any.string();
                        case 2 -> value = Boolean.toString(any.varint() != 0);
                        case 3 -> value = Long.toString(any.varint());
                        case 4 -> value = Double.toString(Double.longBitsToDouble(any.fixed64()));
                        default -> any.skip();
                    }
                }
            } else {
                keyValue.skip();
            }
        }
        if (key != null && value != null) {
            tags.add(key, value);
        }
    }

    /** Protobuf wire format over a slice of a byte array. */
    private static final class Reader {

        private final byte[] data;
        private final int end;
        private int position;
        private int wireType;

        Reader(byte[] data, int from, int to) {
            this.data = data;
            this.position = from;
            this.end = to;
        }

        boolean more() {
            return position < end;
        }

        int tag() {
            long tag = varint();
            wireType = (int) (tag & 7);
            return (int) (tag >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[check(position++)];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("Malformed varint");
        }

        long fixed64() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (long) (data[check(position++)] & 0xff) << (8 * i);
            }
            return value;
        }

        Reader message() {
            int length = length();
            Reader nested = new Reader(data, position, position + length);
            position += length;
            return nested;
        }

        byte[] bytes() {
            int length = length();
            byte[] bytes = java.util.Arrays.copyOfRange(data, position, position + length);
            position += length;
            return bytes;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> {
                    int length = length(); // reads the length first: "position += length()" would not count it
                    position += length;
                }
                case 5 -> position += 4;
                default -> throw new IllegalArgumentException("Unsupported wire type " + wireType);
            }
            check(position - 1);
        }

        private int length() {
            int length = (int) varint();
            if (length < 0 || position + length > end) {
                throw new IllegalArgumentException("Length " + length + " beyond the message");
            }
            return length;
        }

        private int check(int index) {
            if (index >= end) {
                throw new IllegalArgumentException("Truncated message");
            }
            return index;
        }
    }
}
