package dev.jwtlib.error;

/** A request body over the size limit ({@code 413}). */
public class PayloadTooLarge extends AuthError {

    public PayloadTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }

    @Override
    public Problem problem() {
        return Problem.of("payload-too-large", "Content Too Large", 413, getMessage());
    }
}
