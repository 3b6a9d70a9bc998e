evaluate(new File(basedir, '../../../src/it/common.groovy'))
import com.fasterxml.jackson.databind.ObjectMapper
def fixId = 'lnvgy_sw_lxca_fleet-2.0.0_anyos_noarch'
def names = (1..10).collect { String.format('lxca-%02d', it) }
(1..10).each { expectNoSecretsOf(new File(fleetDir, "appliance-${it}")) }

// The dry run: the plan, and each LXCA's version check; nothing sent that changes anything (one apply each below)
expect('Dry run: the rollout would go in this order (lxca.canary, then waves of lxca.parallelism; halting when more than lxca.maxFailures=0 fail):')
expect('[lxca-06] Dry run: would apply ' + fixId + ' (version 2.0.0) to ')
def mapper = new ObjectMapper()
def dry = mapper.readTree(new File(basedir, 'target/lxca/dry-run.json'))
assert dry.path('outcome').asText() == 'DRY_RUN'
assert dry.path('appliances').every { it.path('importOutcome').asText() == 'DRY_RUN' && it.path('applyOutcome').asText() == 'DRY_RUN' } : dry

// First build: the plan, then the canary, wave 1 and wave 2; lxca-06 fails; the rollout halts after wave 2
expect('  canary: lxca-01')
expect('  wave 1: lxca-02, lxca-03, lxca-04')
expect('  wave 2: lxca-05, lxca-06, lxca-07')
expect('  wave 3: lxca-08, lxca-09, lxca-10')
expect('[lxca-06] ')
expect('The rollout halted after wave 2: 1 LXCA failed, more than lxca.maxFailures=0 allows; 3 LXCAs were not started:')
expect('[lxca-06] LXCA refused to upload the update files (job ')
expect('To resume: once that is corrected, run the same build again: LXCAs that already run the update are left alone (ALREADY_APPLIED)')
assert log =~ /lxca-06 +wave 2 +FAILED \(job \d+\) +NOT_STARTED/
['lxca-08', 'lxca-09', 'lxca-10'].each { name ->
    assert log =~ /${name} +wave 3 +- +NOT_STARTED/ : name + ' is reported as not started'
}
def first = mapper.readTree(new File(basedir, 'target/lxca/first-rollout.json'))
assert first.path('outcome').asText() == 'HALTED'
assert first.path('halt').asText() == 'the rollout halted after wave 2: 1 LXCA failed, more than lxca.maxFailures=0 allows'
def firstRows = first.path('appliances').collectEntries { [(it.path('name').asText()): it] }
assert firstRows.keySet() as List == names
['lxca-01', 'lxca-02', 'lxca-03', 'lxca-04', 'lxca-05', 'lxca-07'].each {
    assert firstRows[it].path('applyOutcome').asText() == 'APPLIED' : firstRows[it]
    assert firstRows[it].path('versionBefore').asText() == '1.0.0'
    assert firstRows[it].path('versionAfter').asText() == '2.0.0'
}
assert firstRows['lxca-06'].path('importOutcome').asText() == 'FAILED'
['lxca-08', 'lxca-09', 'lxca-10'].each {
    assert firstRows[it].path('applyOutcome').asText() == 'NOT_STARTED'
    assert !firstRows[it].has('importOutcome') : 'nothing was sent to ' + it
    assert firstRows[it].path('error').asText().contains('halted after wave 2')
}

// Second build: resumes; the LXCAs updated before are left alone, the others are updated
def second = log.substring(log.lastIndexOf('Rolling out ' + fixId))
['lxca-01', 'lxca-02', 'lxca-03', 'lxca-04', 'lxca-05', 'lxca-07'].each {
    assert second =~ /${it} +(canary|wave \d) +ALREADY_PRESENT +ALREADY_APPLIED +2\.0\.0 +2\.0\.0/ : it + ' is left alone'
}
['lxca-06', 'lxca-08', 'lxca-09', 'lxca-10'].each {
    assert second =~ /${it} +(canary|wave \d) +IMPORTED \(job \d+\) +APPLIED +1\.0\.0 +2\.0\.0/ : it + ' is updated'
}
assert second.contains('LXCA rollout summary:')
def report = mapper.readTree(new File(basedir, 'target/lxca/rollout-report.json'))
assert report.path('outcome').asText() == 'COMPLETE'
// over both builds, exactly one apply per appliance, and every appliance runs the update
(1..10).each { index ->
    def events = new File(fleetDir, "appliance-${index}/events.log").readLines()
    assert events.count { it.startsWith("apply ${fixId} ") } == 1 : "appliance ${index}: " + events
    assert events.any { it.startsWith('apply-restart back ') && it.endsWith(' version 2.0.0') } : events
}
// the Markdown summary of the second build
def summary = new File(basedir, 'target/lxca/rollout-summary.md').text
assert summary.startsWith('### LXCA rollout: complete\n')
assert summary.contains('| lxca-06 | ')
assert summary.contains('| LXCA | stage | import | apply | version before | version after | restart window | time |')
// GITHUB_STEP_SUMMARY (invoker.properties): each build appended its summary, the halted one first
def github = new File(basedir, 'target/github-step-summary.md').text
assert github.count('### LXCA rollout: ') == 3
assert github.indexOf('### LXCA rollout: dry run, nothing changed') < github.indexOf('### LXCA rollout: halted')
assert github.indexOf('### LXCA rollout: halted') < github.indexOf('### LXCA rollout: complete')
assert github.contains('**Not started** (3): lxca-08, lxca-09, lxca-10: the rollout halted after wave 2')
assert github.contains('- lxca-06: LXCA refused to upload the update files (job ')
true
