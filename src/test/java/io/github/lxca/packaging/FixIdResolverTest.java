package io.github.lxca.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.update.FixId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixIdResolverTest {

    @Test
    void withoutAConfiguredIdTheDefaultPatternIsUsed() throws Exception {
        assertEquals("lnvgy_sw_lxca_agent-2.3.1_anyos_noarch", FixIdResolver.resolve(null, "agent", "2.3.1", false));
        assertEquals("lnvgy_sw_lxca_agent-2.3.1_anyos_noarch", FixIdResolver.resolve("  ", "agent", "2.3.1", false));
    }

    @Test
    void aConfiguredIdWins() throws Exception {
        assertEquals("my-fix_1.0", FixIdResolver.resolve("my-fix_1.0", "agent", "2.3.1", false));
    }

    @Test
    void aSnapshotVersionIsRefusedWithTheWayToOverride() {
        PackagingException e = assertThrows(
                PackagingException.class, () -> FixIdResolver.resolve(null, "agent", "2.4.0-SNAPSHOT", false));

        assertTrue(e.getMessage().contains("2.4.0-SNAPSHOT is a snapshot"), e.getMessage());
        assertTrue(e.getMessage().contains("lxca.allowSnapshot=true"), e.getMessage());
    }

    @Test
    void aSnapshotIsRefusedEvenWithAnExplicitFixIdBecauseTheVersionIsInTheDescriptor() {
        assertThrows(
                PackagingException.class, () -> FixIdResolver.resolve("fixed-name", "agent", "1.0-SNAPSHOT", false));
    }

    @Test
    void aSnapshotIsAcceptedWhenAllowed() throws Exception {
        assertEquals(
                "lnvgy_sw_lxca_agent-2.4.0-SNAPSHOT_anyos_noarch",
                FixIdResolver.resolve(null, "agent", "2.4.0-SNAPSHOT", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a/b", "with space", "a..b", ".hidden", "semi;colon", "ümlaut"})
    void anUnsafeConfiguredIdIsRefusedWithTheRule(String bad) {
        PackagingException e =
                assertThrows(PackagingException.class, () -> FixIdResolver.resolve(bad, "agent", "1.0", false));

        assertTrue(e.getMessage().contains(FixId.RULE), e.getMessage());
        assertTrue(e.getMessage().contains("lxca.fixId"), e.getMessage());
    }

    @Test
    void anUnsafeComponentIsRefusedNamingWhereTheDefaultIdCameFrom() {
        PackagingException e =
                assertThrows(PackagingException.class, () -> FixIdResolver.resolve(null, "my agent", "1.0", false));

        assertTrue(e.getMessage().contains(FixId.RULE), e.getMessage());
        assertTrue(e.getMessage().contains("lxca.component 'my agent'"), e.getMessage());
    }

    @Test
    void aMissingVersionIsRefused() {
        assertThrows(PackagingException.class, () -> FixIdResolver.resolve(null, "agent", "", false));
    }
}
