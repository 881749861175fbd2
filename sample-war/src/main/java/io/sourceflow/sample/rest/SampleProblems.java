package io.sourceflow.sample.rest;

import io.sourceflow.rest.ProblemDetailsMapper;
import jakarta.ws.rs.ext.Provider;

/** The API's errors as RFC 9457 problem details: SourceFlow's mapper, registered here (it is opt-in). */
@Provider
public class SampleProblems extends ProblemDetailsMapper {
}
