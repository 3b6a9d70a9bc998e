evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_withoutpom-1.0.0_anyos_noarch'
assert log.contains("Imported ${fixId}: job ")
assert new File(simulatorDir, "repository/${fixId}/${fixId}.tgz").bytes == new File(basedir, "update/${fixId}.tgz").bytes
def report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/import-report.json'))
assert report.path('outcome').asText() == 'IMPORTED' : 'the report goes to ./target/lxca without a pom'
true
