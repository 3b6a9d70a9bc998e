evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_apply-version-unchanged-2.0.0_anyos_noarch'
expect("Imported ${fixId}: job ")
expect("LXCA answers again after ")
expect("LXCA came back from its restart but still runs version 1.0.0, not 2.0.0 of ${fixId}, and its update history does not record the apply")
expect("What to do: the update did not take effect;")
def entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/apply-report.json'))
        .path('applies').get(0)
assert entry.path('outcome').asText() == 'VERSION_UNCHANGED' : entry
true
