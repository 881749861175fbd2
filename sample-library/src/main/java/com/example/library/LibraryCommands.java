package com.example.library;

import io.sourceflow.Command;
import io.sourceflow.EntityRef;
import io.sourceflow.MessageType;

/** What can be asked of a book. The aliases are what the command log stores. */
public final class LibraryCommands {

    private LibraryCommands() {
    }

    /**
     * Puts a new book on the shelf.
     *
     * @param entity the new book ({@code isNew})
     * @param title its title
     */
    @MessageType("library.AddBook")
    public record AddBook(EntityRef entity, String title) implements Command {
    }

    /**
     * Lends a book to a member.
     *
     * @param entity the book
     * @param member who borrows it
     */
    @MessageType("library.LendBook")
    public record LendBook(EntityRef entity, String member) implements Command {
    }

    /**
     * Takes a lent book back.
     *
     * @param entity the book
     */
    @MessageType("library.ReturnBook")
    public record ReturnBook(EntityRef entity) implements Command {
    }
}
