package dev.jwtlib.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads JSON request bodies into request records with {@link JsonRequests}: a resource method
 * takes {@code LoginRequest request} and gets a checked record or never runs ({@code 400}).
 * The size limit is {@link BodyLimitFilter}'s.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonRequestReader implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return JsonRequests.read(body.readAllBytes(), (Class) type);
    }
}
