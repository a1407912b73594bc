package dev.jwtlib.error;

/** A request body over the size limit ({@code 413}). */
public class PayloadTooLarge extends AuthError {

    public PayloadTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
