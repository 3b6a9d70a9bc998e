evaluate(new File(basedir, '../../../src/it/common.groovy'))
def first = (log =~ /\[(localhost:\d+)\] Importing/).collect { it[1] } as Set
assert first.size() == 2 : 'each LXCA has its own log prefix: ' + first
def fixId = 'lnvgy_sw_lxca_severallxcas-1.0.0_anyos_noarch'
// The table is printed once: in the failure, not also as an INFO summary before it.
assert !log.contains('LXCA import summary:')
assert log.readLines().count { it.startsWith('[ERROR]') && it =~ /LXCA +outcome +job +time/ } == 1
assert log =~ /The import failed on 1 of 2 LXCAs:/
assert log =~ /https:\/\/localhost:\d+ +IMPORTED +\d+ +[\d.]+ s/
assert log =~ /https:\/\/localhost:\d+ +FAILED +\d+ +[\d.]+ s/
assert log =~ /\[https:\/\/localhost:\d+\] LXCA refused to upload the update files \(job \d+\): HTTP 409/
assert new File(simulatorDir, "repository/${fixId}/${fixId}.tgz").isFile() : 'the first LXCA has it'
assert !new File(simulatorDir, "second/repository/${fixId}").exists() : 'the second refused it'
def report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/import-report.json'))
assert report.path('outcome').asText() == 'FAILED'
assert report.path('imports').size() == 2
assert report.path('imports').collect { it.path('outcome').asText() } as Set == ['IMPORTED', 'FAILED'] as Set
true
