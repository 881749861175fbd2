package com.example.library;

import com.example.library.LibraryEvents.BookLent;
import com.example.library.LibraryEvents.BookShelved;
import io.sourceflow.Projects;
import io.sourceflow.View;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The read side: one card per book, kept under the book's id, made from the events. */
@ApplicationScoped
public class ShelfView extends View<ShelfView.Card> {

    /**
     * What the API shows of a book.
     *
     * @param id the book's id
     * @param title its title
     * @param available whether it is on the shelf
     * @param borrower who has it, or null
     * @param timesLent how often it was lent
     */
    public record Card(String id, String title, boolean available, String borrower, int timesLent) {
        static Card of(Book book) {
            return new Card(book.id(), book.title(), book.available(), book.borrower(), book.timesLent());
        }
    }

    @Projects
    Card on(BookShelved event) {
        return Card.of(event.book());
    }

    @Projects
    Card on(BookLent event) {
        return Card.of(event.book());
    }

    /**
     * A book's card.
     *
     * @param id the book's id
     * @return the card, or empty when there is no such book
     */
    public Optional<Card> card(String id) {
        return find(id);
    }
}
