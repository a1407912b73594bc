package dev.jwtlib.problem;

import com.mongodb.MongoException;
import dev.jwtlib.error.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store failed under a request (unreachable, timed out): a {@code 503} problem with
 * {@code Retry-After}, the cause in the log and not in the body.
 */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<MongoException> {

    private static final Logger LOG = Logger.getLogger(StoreUnavailableMapper.class.getName());

    @Override
    public Response toResponse(MongoException e) {
        LOG.log(Level.WARNING, "jwtlib: the store failed during a request", e);
        return ProblemResponses.of(Problem.of("store-unavailable", "Service Unavailable", 503,
                "The user store cannot be reached; try again shortly.").withHeader("Retry-After", "5"));
    }
}
