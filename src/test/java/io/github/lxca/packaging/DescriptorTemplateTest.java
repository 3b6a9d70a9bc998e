package io.github.lxca.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorTemplateTest {
    private static final DescriptorValues DESCRIPTOR = new DescriptorValues(
            "fix-1.0",
            "agent",
            "1.0",
            LocalDate.of(2026, 11, 26),
            "Fixes <b> & \"quotes\" 'too'",
            "fix-1.0.tgz",
            1234,
            "ab12",
            "fix-1.0.xml",
            new DescriptorSettings("Cat", null, "Fix", true, List.of("pre-1"), List.of("R&D [7X06]", "Other [7X02]")));
    private static final Map<String, String> VALUES = DESCRIPTOR.byPlaceholder();
    private static final Map<String, String> LISTS = DESCRIPTOR.listPlaceholders();

    @Test
    void fillsEveryPlaceholderAndLeavesTheRestAlone() throws Exception {
        String filled = DescriptorTemplate.fill(
                "<fix id=\"${fixId}\" date=\"${releaseDate}\">${component} ${version} $5 {x} ${payloadFile} ${payloadSize} ${payloadSha256}</fix>",
                VALUES,
                LISTS);

        assertEquals("<fix id=\"fix-1.0\" date=\"2026-11-26\">agent 1.0 $5 {x} fix-1.0.tgz 1234 ab12</fix>", filled);
    }

    @Test
    void fillsTheLenovoPropertiesAndTheirLists() throws Exception {
        String filled = DescriptorTemplate.fill(
                "${category}|${buildNumber}|${lenovoVersion}|${xmlFile}|${updateType}|"
                        + "${rebootRequired}|${preReqValues}|${applicableMachineTypesValues}",
                VALUES,
                LISTS);

        assertEquals(
                "Cat|20261126|20261126 1.0|fix-1.0.xml|Fix|true|<VALUE>pre-1</VALUE>|"
                        + "<VALUE>R&amp;D [7X06]</VALUE><VALUE>Other [7X02]</VALUE>",
                filled);
    }

    @Test
    void escapesValuesForElementsAndAttributes() throws Exception {
        String filled = DescriptorTemplate.fill("<d a=\"${description}\">${description}</d>", VALUES, LISTS);

        String escaped = "Fixes &lt;b&gt; &amp; &quot;quotes&quot; &apos;too&apos;";
        assertEquals("<d a=\"" + escaped + "\">" + escaped + "</d>", filled);
    }

    @Test
    void anUnknownPlaceholderFailsNamingItAndItsLine() {
        PackagingException e = assertThrows(
                PackagingException.class,
                () -> DescriptorTemplate.fill(
                        "<fix>\n  <id>${fixId}</id>\n  <build>${build}</build>\n</fix>", VALUES, LISTS));

        assertTrue(e.getMessage().contains("unknown placeholder ${build} on line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("${payloadSha256}"), e.getMessage());
        assertTrue(e.getMessage().contains("${applicableMachineTypesValues}"), e.getMessage());
    }

    @Test
    void anUnclosedPlaceholderFailsNamingItsLine() {
        PackagingException e = assertThrows(
                PackagingException.class,
                () -> DescriptorTemplate.fill("<fix>\n<id>${fixId</id>\n</fix>", VALUES, LISTS));

        assertTrue(e.getMessage().contains("without a closing '}' on line 2"), e.getMessage());
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotExpandedAgain() throws Exception {
        Map<String, String> values = Map.of("description", "costs ${fixId}");

        assertEquals("<d>costs ${fixId}</d>", DescriptorTemplate.fill("<d>${description}</d>", values, Map.of()));
    }
}
