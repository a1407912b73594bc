package dev.jwtlib.verify;

import dev.jwtlib.error.InvalidToken;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The protected header of a JWS compact token, read before any key is touched so that tokens
 * naming a foreign algorithm or key are refused up front (RFC 8725 section 3.1, 3.10).
 */
record JoseHeader(String alg, String kid, int signatureLength) {

    /** One factory, not a provider lookup (a ServiceLoader scan) per call of {@code Json.createReader}. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** Header parameters that would make the verifier fetch or trust a key the token brings. */
    private static final Set<String> FORBIDDEN = Set.of("jwk", "jku", "x5u", "x5c", "crit");

    /**
     * @throws InvalidToken malformed for anything but three canonical base64url parts with a JSON
     *                      object header; rejected for a forbidden parameter or a missing {@code alg}/{@code kid}
     */
    static JoseHeader parse(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw InvalidToken.malformed("The token is not a JWS compact serialization.");
        }
        String signature = token.substring(second + 1);
        if (second == first + 1) {
            throw InvalidToken.malformed("The token has no claims.");
        }
        if (!Base64Url.isCanonical(token.substring(0, first)) || !Base64Url.isCanonical(token.substring(first + 1, second))
                || !Base64Url.isCanonical(signature)) {
            throw InvalidToken.malformed("The token is not canonical base64url (RFC 7515 section 2: no padding, unused bits zero).");
        }
        JsonObject header;
        try (JsonReader reader = READERS.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(token.substring(0, first)), StandardCharsets.UTF_8)))) {
            header = reader.readObject();
        } catch (IllegalArgumentException | JsonException e) {
            throw InvalidToken.malformed("The token header is not base64url-encoded JSON.");
        }
        for (String name : FORBIDDEN) {
            if (header.containsKey(name)) {
                throw InvalidToken.rejected("The token header parameter '" + name + "' is not accepted.");
            }
        }
        return new JoseHeader(string(header, "alg"), string(header, "kid"), Base64Url.decodedLength(signature));
    }

    private static String string(JsonObject header, String name) {
        JsonValue value = header.get(name);
        if (!(value instanceof JsonString text) || text.getString().isEmpty()) {
            throw InvalidToken.rejected("The token header has no '" + name + "'.");
        }
        return text.getString();
    }
}
