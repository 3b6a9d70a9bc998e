evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_apply-not-in-repository-3.0.0_anyos_noarch'
expect("Cannot apply ${fixId}: it is not in the updates repository of https://localhost:")
expect("What to do: import it first (lxca:import-update, or -Dlxca.apply=true on import-update to do both), or correct lxca.fixId")
assert !new File(simulatorDir, 'events.log').readLines().any { it.startsWith("apply ${fixId} ") } : 'no apply was sent'
def entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/apply-report.json'))
        .path('applies').get(0)
assert entry.path('outcome').asText() == 'NOT_IN_REPOSITORY' : entry
true
