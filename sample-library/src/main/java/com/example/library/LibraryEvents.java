package com.example.library;

import io.sourceflow.Event;
import io.sourceflow.MessageType;

/** What happened to a book; each event carries the book as it is afterwards. */
public final class LibraryEvents {

    private LibraryEvents() {
    }

    /**
     * A book is on the shelf, new or returned.
     *
     * @param book the book
     */
    @MessageType("library.BookShelved")
    public record BookShelved(Book book) implements Event {
    }

    /**
     * A book was lent.
     *
     * @param book the book, with its borrower
     */
    @MessageType("library.BookLent")
    public record BookLent(Book book) implements Event {
    }
}
