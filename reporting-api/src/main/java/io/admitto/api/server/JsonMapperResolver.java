package io.admitto.api.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The API's JSON conventions: instants and dates as ISO-8601 strings ({@code 2026-01-05T14:00:00Z},
 * {@code 2026-01-05}), never epoch numbers, so clients need no schema to read them.
 */
final class JsonMapperResolver
        implements ContextResolver<ObjectMapper>
{
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Override
    public ObjectMapper getContext(Class<?> type)
    {
        return mapper;
    }
}
