package io.github.lxca.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.testing.SampleUpdateSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What import-update checks in a descriptor in Lenovo's layout before anything leaves the machine. */
class LenovoDescriptorCheckTest {
    private static final String FIX_ID = "lnvgy_sw_lxca_agent-2.0.0_anyos_noarch";

    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();
    private final UpdateSetScanner scanner =
            new UpdateSetScanner(warning -> {}, CheckedPayloads.NONE, notes::add, detail -> {});

    @Test
    void aDescriptorThatNamesItsOwnFilesPassesWithoutANote() throws Exception {
        writeSet(descriptor(FIX_ID + ".tgz", FIX_ID + ".xml", ""));

        assertEquals(FIX_ID, scanner.scan(dir).get(0).fixId());
        assertEquals(List.of(), notes);
    }

    @Test
    void aPayloadPropertyNamingAnotherFileFailsNamingFilePropertyAndBothValues() throws Exception {
        writeSet(descriptor("lnvgy_sw_lxca_other-1.0.0_anyos_noarch.tgz", FIX_ID + ".xml", ""));

        assertEquals(
                List.of(FIX_ID + ".xml: property 'payload' is 'lnvgy_sw_lxca_other-1.0.0_anyos_noarch.tgz',"
                        + " but the set's payload file is '" + FIX_ID + ".tgz'"),
                problems());
    }

    @Test
    void anXmlFilenamePropertyThatIsNotTheDescriptorsNameFails() throws Exception {
        writeSet(descriptor(FIX_ID + ".tgz", "descriptor.xml", ""));

        assertEquals(
                List.of(FIX_ID + ".xml: property 'xmlFilename' is 'descriptor.xml', but the descriptor's own"
                        + " file name is '" + FIX_ID + ".xml'"),
                problems());
    }

    @Test
    void missingPropertiesFailBecauseLenovosParserNeedsThem() throws Exception {
        writeSet("<INSTANCE><PROPERTY NAME=\"category\"><VALUE>x</VALUE></PROPERTY></INSTANCE>");

        List<String> problems = problems();

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(FIX_ID + ".xml: property 'payload' is missing"), problems.get(0));
        assertTrue(problems.get(1).startsWith(FIX_ID + ".xml: property 'xmlFilename' is missing"), problems.get(1));
    }

    @Test
    void aFixIdPropertyThatDisagreesWithTheFileNamesFails() throws Exception {
        writeSet(descriptor(
                FIX_ID + ".tgz",
                FIX_ID + ".xml",
                "<PROPERTY NAME=\"fixId\"><VALUE>lnvgy_sw_lxca_agent-1.9.0_anyos_noarch</VALUE></PROPERTY>"));

        assertEquals(
                List.of(FIX_ID + ".xml: property 'fixid' is 'lnvgy_sw_lxca_agent-1.9.0_anyos_noarch', but the"
                        + " file names give the fix id '" + FIX_ID + "'"),
                problems());
    }

    @Test
    void aFixIdPropertyThatAgreesPasses() throws Exception {
        writeSet(descriptor(
                FIX_ID + ".tgz", FIX_ID + ".xml", "<PROPERTY NAME=\"fixid\"><VALUE>" + FIX_ID + "</VALUE></PROPERTY>"));

        assertEquals(1, scanner.scan(dir).size());
    }

    @Test
    void aDescriptorInAnotherLayoutPassesWithOneNoteSayingItWasNotChecked() throws Exception {
        SampleUpdateSets.write(dir, FIX_ID);
        Files.writeString(dir.resolve(FIX_ID + ".xml"), SampleUpdateSets.otherDescriptor(FIX_ID));

        assertEquals(1, scanner.scan(dir).size());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("Did not check what " + FIX_ID + ".xml says about its set"), notes.get(0));
    }

    @Test
    void theReaderTakesValuesListsAndTheVersionWordAsLenovosParserDoes() throws Exception {
        Path file = Files.writeString(
                dir.resolve("d.xml"),
                "<INSTANCE>"
                        + "<PROPERTY NAME=\"Version\" TYPE=\"string\"><VALUE>B42 2.0.0</VALUE></PROPERTY>"
                        + "<PROPERTY.ARRAY NAME=\"preReq\" TYPE=\"string\"><VALUE.ARRAY><VALUE>a</VALUE><VALUE>b</VALUE>"
                        + "</VALUE.ARRAY></PROPERTY.ARRAY>"
                        + "<PROPERTY NAME=\"payload\"><VALUE>  p.tgz\n</VALUE></PROPERTY>"
                        + "<OTHER><PROPERTY NAME=\"nested\"><VALUE>not a property of the instance</VALUE></PROPERTY></OTHER>"
                        + "</INSTANCE>");

        LenovoDescriptor descriptor = LenovoDescriptor.read(file).orElseThrow();

        assertEquals(Optional.of("2.0.0"), descriptor.version());
        assertEquals(List.of("a", "b"), descriptor.values("preReq"));
        assertEquals(Optional.of("p.tgz"), descriptor.value("payload"));
        assertEquals(Optional.empty(), descriptor.value("Payload"));
        assertEquals(List.of(), descriptor.values("nested"));
        assertEquals(
                Optional.empty(),
                LenovoDescriptor.read(Files.writeString(
                        dir.resolve("e.xml"),
                        "<update><PROPERTY NAME=\"payload\"><VALUE>p.tgz</VALUE></PROPERTY></update>")));
    }

    private List<String> problems() {
        return assertThrows(InvalidUpdateSetException.class, () -> scanner.scan(dir))
                .problems();
    }

    private void writeSet(String descriptor) throws Exception {
        SampleUpdateSets.write(dir, FIX_ID);
        Files.writeString(dir.resolve(FIX_ID + ".xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + descriptor);
    }

    private static String descriptor(String payload, String xmlFilename, String more) {
        return "<INSTANCE>\n"
                + "  <PROPERTY NAME=\"payload\" TYPE=\"string\"><VALUE>" + payload + "</VALUE></PROPERTY>\n"
                + "  <PROPERTY NAME=\"xmlFilename\" TYPE=\"string\"><VALUE>" + xmlFilename + "</VALUE></PROPERTY>\n"
                + "  " + more + "\n</INSTANCE>\n";
    }
}
