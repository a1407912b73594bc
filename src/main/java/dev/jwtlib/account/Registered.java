package dev.jwtlib.account;

/**
 * A CDI event: a user registered, with an address not verified yet. Whoever sends the
 * verification mail observes it; accounts know nothing of mail.
 */
public record Registered(User user) {
}
