evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_apply-not-newer-1.0.0_anyos_noarch'
expect("Imported ${fixId}: job ")
expect("Refusing to apply ${fixId}: its version 1.0.0 is not newer than version 1.0.0 that https://localhost:")
expect(" runs, and LXCA's update history does not record ${fixId} applied")
expect("What to do: apply an update with a higher version; nothing was changed on LXCA")
assert !new File(simulatorDir, 'events.log').readLines().any { it.startsWith("apply ${fixId} ") } : 'no apply was sent'
def entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/apply-report.json'))
        .path('applies').get(0)
assert entry.path('outcome').asText() == 'NOT_NEWER' : entry
true
