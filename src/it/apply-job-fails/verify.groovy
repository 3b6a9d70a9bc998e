evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_apply-job-fails-2.0.0_anyos_noarch'
expect("Imported ${fixId}: job ")
def job = (log =~ /LXCA started apply job (\d+)/)[0][1]
expect("The apply job ${job} of ${fixId} ended 'Stopped_With_Error'")
expect("FQXHMUP4110L: The update could not be applied.")
expect("What to do: follow LXCA's recovery advice above")
def entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/apply-report.json'))
        .path('applies').get(0)
assert entry.path('outcome').asText() == 'JOB_FAILED' : entry
assert entry.path('jobId').asText() == job : entry
true
