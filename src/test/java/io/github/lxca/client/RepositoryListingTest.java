package io.github.lxca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
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
                "{\"fixid\": \"x\", \"status\": \"Not Applied\"}                 | true"
            })
    void anEntryCountsUnlessItSaysThePayloadIsNotThere(String entry, boolean holdsPayload) throws Exception {
        assertEquals(holdsPayload, RepositoryListing.holdsPayload(new ObjectMapper().readTree(entry)), entry);
    }
}
