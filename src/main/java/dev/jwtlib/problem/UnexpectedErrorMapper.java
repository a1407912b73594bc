package dev.jwtlib.problem;

import dev.jwtlib.error.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a bug or an outage nobody mapped. The client gets a {@code 500} problem with
 * an incident id and nothing else; the log gets the incident id and the stack trace.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "jwtlib: unexpected error, incident " + incident, e);
        return ProblemResponses.of(Problem.of("internal-error", "Internal Server Error", 500,
                "The server could not complete the request (incident " + incident + ")."));
    }
}
