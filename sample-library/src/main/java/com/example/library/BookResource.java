package com.example.library;

import com.example.library.LibraryCommands.AddBook;
import com.example.library.LibraryCommands.LendBook;
import com.example.library.LibraryCommands.ReturnBook;
import io.sourceflow.CommandBus;
import io.sourceflow.EntityNotFoundException;
import io.sourceflow.EntityRef;
import io.sourceflow.History;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The library's API: add books, lend and return them, read a book's card and its history. */
@Path("books")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookResource {

    /**
     * A new book.
     *
     * @param id its id
     * @param title its title
     */
    public record NewBook(String id, String title) {
    }

    /**
     * A loan.
     *
     * @param member who borrows the book
     */
    public record Loan(String member) {
    }

    /**
     * One entry of a book's history.
     *
     * @param sequenceNo its place in the book's log
     * @param type the command's alias
     */
    public record Step(long sequenceNo, String type) {
    }

    @Inject
    CommandBus bus;
    @Inject
    ShelfView shelf;
    @Inject
    History history;
    @Context
    UriInfo uri;

    /** Adds a book: 201 with its card. */
    @POST
    public Response add(NewBook book) {
        if (book == null || book.id() == null || book.title() == null || book.title().isBlank()) {
            throw new BadRequestException("A book needs an id and a title");
        }
        bus.publish(new AddBook(EntityRef.of(book.id()).asNew(), book.title()));
        return Response.created(uri.getAbsolutePathBuilder().path(book.id()).build()).entity(card(book.id())).build();
    }

    /** Lends a book: its card; 422 when it is lent already. */
    @POST
    @Path("{id}/loan")
    public ShelfView.Card lend(@PathParam("id") String id, Loan loan) {
        if (loan == null || loan.member() == null || loan.member().isBlank()) {
            throw new BadRequestException("A loan needs a member");
        }
        bus.publish(new LendBook(EntityRef.of(id), loan.member()));
        return card(id);
    }

    /** Takes a book back: its card; 422 when it is not lent. */
    @POST
    @Path("{id}/return")
    public ShelfView.Card giveBack(@PathParam("id") String id) {
        bus.publish(new ReturnBook(EntityRef.of(id)));
        return card(id);
    }

    /** A book's card, 404 for an unknown book. */
    @GET
    @Path("{id}")
    public ShelfView.Card card(@PathParam("id") String id) {
        return shelf.card(id).orElseThrow(() -> new EntityNotFoundException("Book '" + id + "' does not exist"));
    }

    /** What happened to a book: its first 100 commands. */
    @GET
    @Path("{id}/history")
    public List<Step> history(@PathParam("id") String id) {
        return history.page(EntityRef.of(id), 0, 100).stream()
                .map(e -> new Step(e.metadata().sequenceNo(), e.alias()))
                .toList();
    }
}
