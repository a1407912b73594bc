package dev.jwtlib.error;

import java.util.List;

/** A request body or parameter that breaks the input rules ({@code 400}, with every field error). */
public class InvalidInput extends AuthError {

    /** One broken rule: the field (JSON name) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInput(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this("The request is not valid.", List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Problem problem() {
        return Problem.of("invalid-input", "Bad Request", 400, getMessage()).withErrors(errors);
    }
}
