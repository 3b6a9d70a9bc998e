evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_replaceuploadfails-1.0.0_anyos_noarch'
expect("Imported ${fixId}: job ")
def headline = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert headline != null
assert headline.contains("LXCA no longer holds ${fixId}: onExisting=replace deleted it, and importing it again failed: LXCA refused to upload the update files") : headline
expect('FQXHMUP2999M: An internal error occurred.')
def whatToDo = log.readLines().find { it.startsWith('[ERROR] What to do:') }
assert whatToDo != null && whatToDo.contains('run the build again') : whatToDo
// the order that keeps the window small: build 2's job is created before the update is deleted
def job = (log =~ /Created import job (\d+)/).collect { it[1] }.last()
def events = new File(simulatorDir, 'events.log').readLines()
def created = events.indexOf("create-job ${job} upload-500".toString())
def deleted = events.indexOf("deleted ${fixId} upload-500".toString())
assert created >= 0 && deleted > created : 'job created, then the update deleted: ' + events.findAll { it.contains('upload-500') }
def report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/import-report.json'))
assert report.path('imports').get(0).path('error').asText().startsWith("LXCA no longer holds ${fixId}")
true
