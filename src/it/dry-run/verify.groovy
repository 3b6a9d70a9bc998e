evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_dryrun-1.0.0_anyos_noarch'
assert log.contains("Dry run: checking ${fixId} (4 files, ")
assert log.contains("Dry run: would upload ${fixId} (4 files, ")
assert log.contains('Nothing was uploaded.')
assert !log.contains('Created import job')
assert !new File(simulatorDir, "repository/${fixId}").exists()
def report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/import-report.json'))
assert report.path('outcome').asText() == 'DRY_RUN'
assert report.path('imports').get(0).path('jobId').isMissingNode()
true
