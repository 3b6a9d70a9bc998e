package io.github.lxca.apply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionComparisonTest {
    @Test
    void numbersCompareAsNumbers() {
        assertTrue(VersionComparison.isNewer("4.10.0", "4.9.3"));
        assertFalse(VersionComparison.isNewer("4.9.3", "4.10.0"));
    }

    @Test
    void missingPartsAreZeroAndALeadingVIsIgnored() {
        assertTrue(VersionComparison.same("2.0", "2.0.0"));
        assertTrue(VersionComparison.same("v2.0.0", "2.0.0"));
        assertFalse(VersionComparison.isNewer("2.0.0", "2.0"));
    }

    @Test
    void anEqualVersionIsNotNewer() {
        assertFalse(VersionComparison.isNewer("1.0.0", "1.0.0"));
        assertTrue(VersionComparison.isNewer("1.0.1", "1.0.0"));
    }
}
