evaluate(new File(basedir, '../../../src/it/common.groovy'))
def job = (log =~ /Created import job (\d+)/)[0][1]
expect("Import job ${job} ended 'Stopped_With_Error'")
expect("FQXHMUP4001L: The update package could not be imported.")
expect("Recovery: Download the update again, then import it.")
// the report tells the truth about the failed job: its id, its last state, and the bytes LXCA received
def entry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/import-report.json'))
        .path('imports').get(0)
assert entry.path('outcome').asText() == 'FAILED'
assert entry.path('jobId').asText() == job
assert entry.path('finalState').asText() == 'Stopped_With_Error' : entry
def setBytes = new File(basedir, 'update').listFiles().sum { it.length() }
assert entry.path('bytes').asLong() == setBytes : "bytes ${entry.path('bytes')} for a set of ${setBytes}"
assert entry.path('error').asText().startsWith("Import job ${job} ended 'Stopped_With_Error'")
assert entry.path('messages').get(0).path('id').asText() == 'FQXHMUP4001L'
true
