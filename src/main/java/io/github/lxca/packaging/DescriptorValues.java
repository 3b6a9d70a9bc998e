package io.github.lxca.packaging;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a descriptor says about an update, whether generated or filled into a template. */
public record DescriptorValues(
        String fixId,
        String component,
        String version,
        LocalDate releaseDate,
        String description,
        String payloadFile,
        long payloadSize,
        String payloadSha256,
        String xmlFile,
        DescriptorSettings settings) {

    /** The configured build number, else the release date as {@code yyyyMMdd}. */
    public String buildNumber() {
        return settings.buildNumber() != null
                ? settings.buildNumber()
                : releaseDate.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** Lenovo's {@code Version}: two words, of which Lenovo's parser keeps the second, the version. */
    public String lenovoVersion() {
        return buildNumber() + " " + version;
    }

    /** The text values by placeholder name, in the order they are documented. */
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
        values.put("xmlFile", xmlFile);
        values.put("category", settings.category());
        values.put("buildNumber", buildNumber());
        values.put("lenovoVersion", lenovoVersion());
        values.put("updateType", settings.updateType());
        values.put("rebootRequired", Boolean.toString(settings.rebootRequired()));
        return values;
    }

    /** The lists by placeholder name, each as a sequence of {@code <VALUE>} elements for a {@code VALUE.ARRAY}. */
    public Map<String, String> listPlaceholders() {
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("preReqValues", valueElements(settings.preReqs()));
        lists.put("applicableMachineTypesValues", valueElements(settings.machineTypes()));
        return lists;
    }

    private static String valueElements(List<String> values) {
        return values.stream()
                .map(value -> "<VALUE>" + DescriptorTemplate.escape(value) + "</VALUE>")
                .collect(Collectors.joining());
    }
}
