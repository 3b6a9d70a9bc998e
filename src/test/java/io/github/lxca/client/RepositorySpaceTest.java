package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RepositorySpaceTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private OptionalLong free(String json) throws Exception {
        return RepositorySpace.freeBytes(mapper.readTree(json));
    }

    @Test
    void readsFreeSpaceAtTheTopOrNested() throws Exception {
        assertEquals(OptionalLong.of(1024), free("{\"allotment\": 4096, \"freeSpace\": 1024}"));
        assertEquals(OptionalLong.of(7), free("{\"response\": {\"size\": {\"freeSpace\": \"7\"}}}"));
    }

    @Test
    void anythingElseIsUnknown() throws Exception {
        assertEquals(OptionalLong.empty(), free("{\"allotment\": 4096}"));
        assertEquals(OptionalLong.empty(), free("{\"freeSpace\": \"12.5 GB\"}"));
        assertEquals(OptionalLong.empty(), free("{\"freeSpace\": -1}"));
        assertEquals(OptionalLong.empty(), RepositorySpace.freeBytes(null));
    }
}
