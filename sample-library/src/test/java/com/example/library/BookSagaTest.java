package com.example.library;

import com.example.library.LibraryCommands.AddBook;
import com.example.library.LibraryCommands.LendBook;
import com.example.library.LibraryCommands.ReturnBook;
import com.example.library.LibraryEvents.BookLent;
import com.example.library.LibraryEvents.BookShelved;
import io.sourceflow.CommandRejectedException;
import io.sourceflow.EntityRef;
import io.sourceflow.test.SagaFixture;
import io.sourceflow.test.ViewFixture;
import org.junit.jupiter.api.Test;

class BookSagaTest {

    private static final EntityRef DUNE = EntityRef.of("dune");

    private final SagaFixture<Book> books = SagaFixture.of(new BookSaga());

    @Test
    void aBookOnTheShelfIsLent() {
        books.given(new AddBook(DUNE.asNew(), "Dune"))
                .when(new LendBook(DUNE, "ann"))
                .expectEvents(new BookLent(new Book("dune", "Dune", "ann", 1)))
                .expectState(new Book("dune", "Dune", "ann", 1));
    }

    @Test
    void aLentBookIsNotLentAgain() {
        books.given(new AddBook(DUNE.asNew(), "Dune"), new LendBook(DUNE, "ann"))
                .when(new LendBook(DUNE, "bob"))
                .expectException(CommandRejectedException.class, "is lent to ann")
                .expectNoEvents();
    }

    @Test
    void aReturnedBookIsBackOnTheShelf() {
        books.given(new AddBook(DUNE.asNew(), "Dune"), new LendBook(DUNE, "ann"))
                .when(new ReturnBook(DUNE))
                .expectEvents(new BookShelved(new Book("dune", "Dune", null, 1)));
    }

    @Test
    void theShelfShowsWhoHasTheBook() {
        ViewFixture.of(new ShelfView())
                .given("dune", new BookShelved(new Book("dune", "Dune", null, 0)))
                .when("dune", new BookLent(new Book("dune", "Dune", "ann", 1)))
                .expectState(new ShelfView.Card("dune", "Dune", false, "ann", 1));
    }
}
