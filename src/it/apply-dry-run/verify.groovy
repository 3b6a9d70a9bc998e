evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_apply-dry-run-3.0.0_anyos_noarch'
expect("Dry run: would apply ${fixId} (version 3.0.0) to https://localhost:")
expect(", which runs version 1.0.0: the update is newer, the version check passes; the fix id is not in the repository yet (an import must come first)")
assert !new File(simulatorDir, 'events.log').readLines().any { it.startsWith("apply ${fixId} ") } : 'nothing was applied'
def entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/apply-report.json'))
        .path('applies').get(0)
assert entry.path('outcome').asText() == 'DRY_RUN' : entry
true
