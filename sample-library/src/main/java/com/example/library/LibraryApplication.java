package com.example.library;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The API, under {@code /api}. */
@ApplicationPath("api")
public class LibraryApplication extends Application {
}
