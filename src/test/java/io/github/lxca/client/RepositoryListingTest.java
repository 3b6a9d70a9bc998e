package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryListingTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"fixid\": \"x\", \"status\": \"Downloaded\"}                  | true",
                "{\"fixid\": \"x\"}                                              | true",
                "{\"fixid\": \"x\", \"status\": \"Not Downloaded\"}              | false",
                "{\"fixid\": \"x\", \"status\": \"NOT_DOWNLOADED\"}              | false",
                "{\"fixid\": \"x\", \"downloadStatus\": \"Partially Downloaded\"} | false",
                "{\"fixid\": \"x\", \"status\": \"Downloading\"}                 | false",
                "{\"fixid\": \"x\", \"status\": \"Applied\"}                     | true",
                "{\"fixid\": \"x\", \"status\": \"Not Applied\"}                 | true",
                "{\"fixId\": \"x\", \"fixid\": \"x\", \"status\": 3, \"more\": {}}     | true",
                "{\"fixid\": \"x\", \"status\": {\"result\": \"ok\"}, \"downloadStatus\": \"Not Downloaded\"} | false"
            })
    void anEntryCountsUnlessItSaysThePayloadIsNotThere(String entry, boolean holdsPayload) throws Exception {
        assertEquals(holdsPayload, RepositoryListing.holdsPayload(new ObjectMapper().readTree(entry)), entry);
    }

    @Test
    void fixIdsAreReadAtAnyDepthInEitherSpellingSkippingThoseWithoutPayload() throws Exception {
        assertEquals(
                Set.of("a", "b"),
                RepositoryListing.fixIds(new ObjectMapper()
                        .readTree("{\"updates\": [{\"fixid\": \"a\", \"buildNumber\": 7},"
                                + " {\"response\": [{\"fixId\": \"b\", \"applied\": \"yes\"}]},"
                                + " {\"fixid\": \"c\", \"status\": \"Not Downloaded\"}, {\"fixid\": \"  \"}],"
                                + " \"status\": {\"result\": \"informational\", \"messages\": []}}")));
    }
}
