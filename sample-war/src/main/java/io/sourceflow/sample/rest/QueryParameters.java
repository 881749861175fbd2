package io.sourceflow.sample.rest;

import jakarta.ws.rs.BadRequestException;
import io.sourceflow.spi.SafeText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads optional query parameters of the sample's API: a blank or missing value gives the
 * fallback, a malformed one a 400 problem naming the parameter and the value.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * @param parameter its name, for the error
     * @param value its value, or null
     * @return true, false, or null when blank
     */
    public static Boolean bool(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadRequestException("Query parameter " + parameter + " must be true or false, not '"
                    + value + "'");
        };
    }

    /**
     * @param parameter its name, for the error
     * @param value its value, or null
     * @return the number, or null when blank
     */
    public static BigDecimal decimal(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Query parameter " + parameter + " must be a number, not '" + value + "'");
        }
    }

    /**
     * @param value its value, or null
     * @return the stripped text, or null when blank
     */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * @param parameter its name, for the error
     * @param value its value (ISO-8601), or null
     * @return the instant, or null when blank
     */
    public static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Query parameter " + parameter + " must be an instant such as 2026-11-30T12:00:00Z,"
                    + " not '" + SafeText.forLog(value) + "'");
        }
    }

    /**
     * @param parameter its name, for the error
     * @param value its value, or null
     * @param fallback the value when blank
     * @param min the least allowed
     * @param max the most allowed
     * @return the integer
     */
    public static int integer(String parameter, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new BadRequestException("Query parameter " + parameter + " must be between " + min + " and " + max
                        + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("Query parameter " + parameter + " must be an integer, not '" + value + "'");
        }
    }
}
