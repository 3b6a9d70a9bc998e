package io.github.lxca.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The edges of the set checks that the mutation run found unpinned: limits, blank values, folders without a set. */
class UpdateSetEdgesTest {
    private static final String FIX = "lnvgy_sw_lxca_x-1.0.0_anyos_noarch";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private List<UpdateSet> scan() throws InvalidUpdateSetException {
        return new UpdateSetScanner(warnings::add).scan(dir);
    }

    @Test
    void aFixIdOfTheLongestLengthIsSafeAndOneMoreIsNot() {
        String longest = "a".repeat(FixId.MAX_LENGTH);

        assertTrue(FixId.isSafe(longest));
        assertFalse(FixId.isSafe(longest + "a"));
        assertFalse(FixId.isSafe("../" + FIX));
        assertTrue(FixId.isSafe(FIX));
    }

    @Test
    void anEmptyFolderHoldsNoSet() {
        InvalidUpdateSetException e = assertThrows(InvalidUpdateSetException.class, this::scan);

        assertEquals(
                List.of("the folder holds no update set; expected four files <fix id>.chg, .tgz, .txt and .xml"),
                e.problems());
    }

    @Test
    void aFolderWhoseOnlySetFileIsAFolderNamesThatAndNothingElse() throws Exception {
        Files.createDirectories(dir.resolve(FIX + ".tgz"));

        InvalidUpdateSetException e = assertThrows(InvalidUpdateSetException.class, this::scan);

        assertEquals(
                List.of(FIX + ".tgz is a folder, not a regular file: an update set's files must be regular files (or"
                        + " links to them)"),
                e.problems());
    }

    @Test
    void aDescriptorOfExactlyTheLimitIsRead() throws Exception {
        SampleUpdateSets.write(dir, FIX);
        Path descriptor = dir.resolve(FIX + ".xml");
        byte[] original = Files.readAllBytes(descriptor);
        byte[] padded = new byte[(int) UpdateSetScanner.MAX_DESCRIPTOR_BYTES];
        System.arraycopy(original, 0, padded, 0, original.length);
        java.util.Arrays.fill(padded, original.length, padded.length, (byte) '\n');
        Files.write(descriptor, padded);

        assertEquals(List.of(FIX), scan().stream().map(UpdateSet::fixId).toList());

        Files.write(descriptor, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
        InvalidUpdateSetException e = assertThrows(InvalidUpdateSetException.class, this::scan);
        assertTrue(
                e.problems().get(0).startsWith(FIX + ".xml has 1048577 bytes, more than the 1048576 bytes"),
                e.problems().toString());
    }

    private Optional<LenovoDescriptor> descriptor(String properties) throws Exception {
        return LenovoDescriptor.read(
                Files.writeString(dir.resolve("d.xml"), "<INSTANCE>" + properties + "</INSTANCE>"));
    }

    @Test
    void aBlankValueIsNoValueAndTheFirstNonBlankOneCounts() throws Exception {
        LenovoDescriptor lenovo = descriptor("<PROPERTY NAME=\"category\" TYPE=\"string\"><VALUE>  </VALUE></PROPERTY>"
                        + "<PROPERTY.ARRAY NAME=\"preReq\" TYPE=\"string\"><VALUE.ARRAY><VALUE> </VALUE>"
                        + "<VALUE> b </VALUE></VALUE.ARRAY></PROPERTY.ARRAY>")
                .orElseThrow();

        assertEquals(Optional.empty(), lenovo.value("category"));
        assertEquals(Optional.of("b"), lenovo.value("preReq"));
    }

    @Test
    void aVersionWithoutASpaceHasNoVersionForLenovosParser() throws Exception {
        LenovoDescriptor oneWord = descriptor(
                        "<PROPERTY NAME=\"Version\" TYPE=\"string\"><VALUE>2.3.1</VALUE></PROPERTY>")
                .orElseThrow();
        LenovoDescriptor twoWords = descriptor(
                        "<PROPERTY NAME=\"Version\" TYPE=\"string\"><VALUE>B42 2.3.1</VALUE></PROPERTY>")
                .orElseThrow();

        assertEquals(Optional.empty(), oneWord.version());
        assertEquals(Optional.of("2.3.1"), twoWords.version());
    }

    @Test
    void aPayloadThatIsGoneIsNotVouchedFor() throws Exception {
        SampleUpdateSets.write(dir, FIX);
        Path payload = dir.resolve(FIX + ".tgz");
        CheckedPayloads checked = CheckedPayloads.NONE.with(new UpdateSetScanner(warnings::add).check(dir, FIX));
        assertTrue(checked.vouchFor(payload));

        Files.delete(payload);

        assertFalse(checked.vouchFor(payload));
    }
}
