evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_trickle-apply-relogin-2.0.0_anyos_noarch'
expect("Imported ${fixId}: job ")
expect("LXCA ended the session (HTTP 401); logging in again")
expect("LXCA did not come back within 25 s of applying ${fixId}: unreachable for the last ")
expect("when asked to log in")
expect("What to do: do not apply again while the update may still be installing")
def entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/apply-report.json'))
        .path('applies').get(0)
assert entry.path('outcome').asText() == 'NEVER_CAME_BACK' : entry
// applyTimeout (25 s) plus at most one short probe (20 s), plus Maven's start and the import (under 30 s here);
// each re-login's trickled reply would hold the build 600 s (readTimeout) without the probe's own deadline
expectBuildWithin(75)
true
