evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_onexisting-1.0.0_anyos_noarch'
def jobs = (log =~ /Imported lnvgy_sw_lxca_onexisting-1.0.0_anyos_noarch: job (\d+) Complete/).collect { it[1] }
assert jobs.size() == 2 : 'imported by the first and the fourth build: ' + jobs
// the second build's failure, not the third's "Nothing to import: LXCA's repository already holds ..."
assert log =~ /(?m)^\[ERROR\] Failed to execute goal .* on project on-existing: LXCA's repository already holds ${java.util.regex.Pattern.quote(fixId)}\r?$/ : 'the second build fails because the update is there'
assert log.contains('What to do: set lxca.onExisting=skip to leave it and succeed')
assert log.contains("LXCA's repository already holds ${fixId}; skipping (onExisting=skip)")
assert log.contains("Nothing to import: LXCA's repository already holds ${fixId}")
assert log.contains("Deleting ${fixId} from LXCA's repository first (onExisting=replace)")
def report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/import-report.json'))
assert report.path('outcome').asText() == 'IMPORTED' : 'the report is that of the last build'
assert report.path('imports').get(0).path('jobId').asText() == jobs[1]
true
