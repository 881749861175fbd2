package com.example.library;

/**
 * The saga's entity: one book of the library. An immutable record; every command makes the next
 * one. Kept by SourceFlow as a JSON document, since it is not a JPA entity.
 *
 * @param id the book's id
 * @param title its title
 * @param borrower who has it, or null while it is on the shelf
 * @param timesLent how often it was lent
 */
public record Book(String id, String title, String borrower, int timesLent) {

    /** @return whether it is on the shelf */
    public boolean available() {
        return borrower == null;
    }
}
