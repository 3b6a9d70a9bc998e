package io.github.lxca.packaging;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a descriptor says about an update, whether generated or filled into a template. */
public record DescriptorValues(String fixId, String component, String version, LocalDate releaseDate,
        String description, String payloadFile, long payloadSize, String payloadSha256) {

    /** The values by placeholder name, in the order they are documented. */
    public Map<String, String> byPlaceholder() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("fixId", fixId);
        values.put("component", component);
        values.put("version", version);
        values.put("releaseDate", releaseDate.toString());
        values.put("description", description);
        values.put("payloadFile", payloadFile);
        values.put("payloadSize", Long.toString(payloadSize));
        values.put("payloadSha256", payloadSha256);
        return values;
    }
}
