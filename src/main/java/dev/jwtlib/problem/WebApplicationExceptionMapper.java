package dev.jwtlib.problem;

import dev.jwtlib.error.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (404, 405, 406, 415, 403 from {@code @RolesAllowed}, …) as
 * problems with the same status, keeping headers such as {@code Allow}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder builder = ProblemResponses.builder(Problem.of("http-" + status.getStatusCode(),
                status.getReasonPhrase(), status.getStatusCode(), detail(status.getStatusCode())));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    private static String detail(int status) {
        return switch (status) {
            case 403 -> "Your account does not have the role this resource needs.";
            case 404 -> "There is no resource at this URL.";
            case 405 -> "This resource does not accept this HTTP method.";
            case 406 -> "This resource cannot answer in the media type you asked for.";
            case 415 -> "Send the body as application/json (or, for introspection, application/x-www-form-urlencoded).";
            default -> "The request cannot be served.";
        };
    }
}
