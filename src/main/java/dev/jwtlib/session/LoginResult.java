package dev.jwtlib.session;

/** What a right password gets: tokens, or (with a second factor) the challenge of the second step. */
public sealed interface LoginResult permits LoginResponse, MfaChallenge {
}
