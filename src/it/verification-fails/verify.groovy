evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /Created import job (\d+)/)[0][1]
assert log.contains("Import job ${job} ended 'Complete', but LXCA's repository does not list lnvgy_sw_lxca_verificationfails-1.0.0_anyos_noarch; it lists ")
def report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/import-report.json'))
assert report.path('outcome').asText() == 'FAILED'
assert report.path('imports').get(0).path('jobId').asText() == job
true
