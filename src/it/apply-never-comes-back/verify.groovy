evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_apply-never-comes-back-2.0.0_anyos_noarch'
expect("Imported ${fixId}: job ")
expect("LXCA did not come back within 12 s of applying ${fixId}: unreachable for the last ")
expect("What to do: do not apply again while the update may still be installing")
assert (log =~ /\[INFO\] LXCA is restarting or unreachable \(Cannot connect[^\n]*connection refused\)/).count == 1 : 'the outage is reported once, not per poll'
def entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/apply-report.json'))
        .path('applies').get(0)
assert entry.path('outcome').asText() == 'NEVER_CAME_BACK' : entry
assert entry.path('unreachableSeconds').asInt() >= 5 : entry
true
