package io.sourceflow.upgrade.wallet;

/**
 * A holder's name in two parts: the first word, and the rest.
 *
 * @param first the first name
 * @param last the rest, empty when the name is one word
 */
record Holder(String first, String last) {

    static Holder of(String fullName) {
        String name = fullName == null ? "" : fullName.strip();
        int space = name.indexOf(' ');
        return space < 0 ? new Holder(name, "") : new Holder(name.substring(0, space), name.substring(space + 1).strip());
    }
}
