package dev.jwtlib.problem;

import dev.jwtlib.error.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A {@link Problem} as a JAX-RS response: its status, headers and {@code application/problem+json} body. */
final class ProblemResponses {

    static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);

    private ProblemResponses() {
    }

    static Response.ResponseBuilder builder(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem.toJson());
        problem.headers().forEach(builder::header);
        return builder;
    }

    static Response of(Problem problem) {
        return builder(problem).build();
    }
}
