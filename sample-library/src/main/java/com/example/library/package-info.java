/**
 * A library's loans on SourceFlow, written from {@code docs/getting-started.md} alone: a saga per
 * book ({@link com.example.library.BookSaga}), a view of the shelf ({@link com.example.library.ShelfView})
 * and a JAX-RS API ({@link com.example.library.BookResource}).
 */
package com.example.library;
