package com.example.library;

import io.sourceflow.rest.ProblemDetailsMapper;
import jakarta.ws.rs.ext.Provider;

/** Every error of the API as an RFC 9457 problem detail (SourceFlow's mapper, registered here). */
@Provider
public class LibraryProblems extends ProblemDetailsMapper {
}
