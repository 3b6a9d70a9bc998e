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
// the apply was sent once, by the first build
def events = new File(simulatorDir, 'apply-1/events.log').readLines()
assert events.count { it.startsWith("apply ${fixId} ") } == 1 : events
// after the restart it logged in as a new client: no cookie or CSRF token of the forgotten session
assert events.count { it.startsWith('login ') } >= 2 : events
assert !events.any { it.startsWith('login-stale') } : events
def report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, 'target/lxca/apply-report.json'))
assert report.path('outcome').asText() == 'APPLIED'
def entry = report.path('applies').get(0)
assert entry.path('jobId').asText() == job
assert entry.path('versionBefore').asText() == '1.0.0'
assert entry.path('versionAfter').asText() == '2.0.0'
assert entry.path('unreachableSeconds').asInt() >= 2 : entry
assert entry.path('statesSeen').toString().contains('"unreachable"') : entry
// the re-runs (invoker.properties): nothing is sent, both stay green
def already = "https://localhost:${applyPort} already runs ${fixId} (its version is the update's, and its update history records the apply): nothing to apply, nothing was sent"
assert log.count(already) == 2 : 'each re-run says it sends nothing'
assert log.count("LXCA's repository already holds ${fixId}; skipping (onExisting=skip)") == 2
['rerun-report.json', 'rerun-import-report.json'].each { name ->
    def rerun = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new File(basedir, "target/lxca/${name}"))
    assert rerun.path('outcome').asText() == 'ALREADY_APPLIED' : rerun
    def again = rerun.path('applies').get(0)
    assert again.path('proof').asText() == 'history' : again
    assert again.path('versionBefore').asText() == '2.0.0' : again
    assert again.path('jobId').isMissingNode() : again
}
true
