evaluate(new File(basedir, '../../../src/it/common.groovy'))
def fixId = 'lnvgy_sw_lxca_agent-2.0.0_anyos_noarch'
expect("Imported ${fixId}: job ")
expect("Applying ${fixId} to https://localhost:${applyPort} (version 1.0.0 -> 2.0.0)")
def job = (log =~ /LXCA started apply job (\d+)/)[0][1]
expect("apply job ${job}: Running")
expect("LXCA is restarting or unreachable (Cannot connect to LXCA at localhost:${applyPort}: connection refused)")
expect('LXCA is restarting or unreachable (HTTP 503 "503 Service Unavailable LXCA is starting.")')
expect("LXCA ended the session (HTTP 401); logging in again")
expect("LXCA no longer knows apply job ${job} (it restarted); checking its version")
expect("LXCA runs ${fixId} (version 2.0.0)")
expect("Applied ${fixId} to https://localhost:${applyPort}: version 1.0.0 -> 2.0.0, unreachable for ")
// one line per change of state, not one per poll
assert (log =~ /connection refused\)/).count == 1 : 'the outage is reported once'
assert (log =~ /HTTP 503 "503 Service Unavailable/).count == 1 : 'the 503 phase is reported once'
// the apply was sent once
def events = new File(simulatorDir, 'apply-1/events.log').readLines()
assert events.count { it.startsWith("apply ${fixId} ") } == 1 : events
def report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/apply-report.json'))
assert report.path('outcome').asText() == 'APPLIED'
def entry = report.path('applies').get(0)
assert entry.path('jobId').asText() == job
assert entry.path('versionBefore').asText() == '1.0.0'
assert entry.path('versionAfter').asText() == '2.0.0'
assert entry.path('unreachableSeconds').asInt() >= 2 : entry
assert entry.path('statesSeen').toString().contains('"unreachable"') : entry
true
