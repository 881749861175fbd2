package com.example.library;

import com.example.library.LibraryCommands.AddBook;
import com.example.library.LibraryCommands.LendBook;
import com.example.library.LibraryCommands.ReturnBook;
import com.example.library.LibraryEvents.BookLent;
import com.example.library.LibraryEvents.BookShelved;
import io.sourceflow.CommandRejectedException;
import io.sourceflow.EntityRef;
import io.sourceflow.Handles;
import io.sourceflow.Saga;
import jakarta.enterprise.context.ApplicationScoped;

/** Handles the commands of one book: checks the rules, returns the book's next state, raises what happened. */
@ApplicationScoped
public class BookSaga extends Saga<Book> {

    @Override
    protected Book create(EntityRef ref) {
        return new Book(ref.id(), null, null, 0);
    }

    @Handles
    Book on(Book book, AddBook command) {
        Book added = new Book(book.id(), command.title(), null, 0);
        raise(new BookShelved(added));
        return added;
    }

    @Handles
    Book on(Book book, LendBook command) {
        if (!book.available()) {
            throw new CommandRejectedException("Book " + book.id() + " is lent to " + book.borrower());
        }
        Book lent = new Book(book.id(), book.title(), command.member(), book.timesLent() + 1);
        raise(new BookLent(lent));
        return lent;
    }

    @Handles
    Book on(Book book, ReturnBook command) {
        if (book.available()) {
            throw new CommandRejectedException("Book " + book.id() + " is not lent");
        }
        Book returned = new Book(book.id(), book.title(), null, book.timesLent());
        raise(new BookShelved(returned));
        return returned;
    }
}
